namespace Compersion.Functions.Pages;

/// <summary>What every page template's view carries besides its own words: the paths it may link to.</summary>
internal abstract record PageView
{
    /// <summary>The site's paths, built from <see cref="Core.Links.Routes"/> (<c>{{ routes.settings }}</c> in a template).</summary>
    public PageRoutes Routes { get; } = PageRoutes.Site;
}
