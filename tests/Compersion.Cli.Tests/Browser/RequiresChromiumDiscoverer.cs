using Xunit.Abstractions;
using Xunit.Sdk;

namespace Compersion.Cli.Tests.Browser;

/// <summary>Gives every <see cref="ChromiumFactAttribute"/> test the trait <c>Requires=Chromium</c>.</summary>
public sealed class RequiresChromiumDiscoverer : ITraitDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) => [new("Requires", "Chromium")];
}
