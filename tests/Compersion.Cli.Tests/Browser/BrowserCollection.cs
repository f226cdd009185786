namespace Compersion.Cli.Tests.Browser;

/// <summary>The browser tests share one Chromium and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
