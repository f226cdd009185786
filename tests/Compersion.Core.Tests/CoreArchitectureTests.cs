using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Tests;

/// <summary>The layering README's "Layers" describes, held by the compiled assembly.</summary>
public sealed class CoreArchitectureTests
{
    private static readonly Architecture Core = new ArchLoader().LoadAssemblies(typeof(Subscriber).Assembly).Build();

    [Fact]
    public void Folders_DependOnEachOther_NoCycle()
    {
        var rule = SliceRuleDefinition.Slices().Matching("Compersion.Core.(*)").Should().BeFreeOfCycles();

        rule.Check(Core);
    }

    [Fact]
    public void Core_ReferencedAssemblies_NoAzureSendGridAspNetOrMimeKit()
    {
        string[] adapters = ["Azure", "Microsoft.Azure", "SendGrid", "Microsoft.AspNetCore", "MimeKit", "Magick"];

        var references = typeof(Subscriber).Assembly.GetReferencedAssemblies().Select(name => name.Name ?? string.Empty).ToList();

        Assert.Contains("NodaTime", references);
        Assert.DoesNotContain(references, name => adapters.Any(adapter => name == adapter || name.StartsWith(adapter + ".", StringComparison.Ordinal)));
    }
}
