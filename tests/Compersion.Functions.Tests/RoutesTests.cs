using System.Reflection;
using System.Text.RegularExpressions;
using Compersion.Core.Links;

namespace Compersion.Functions.Tests;

/// <summary>The page templates write their links as text: each must name a route the app answers (<see cref="Routes"/>).</summary>
public sealed partial class RoutesTests
{
    [Fact]
    public void PageTemplates_EveryApiLink_IsARouteTheAppAnswers()
    {
        var routes = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(Routes.Prefix))
            .Select(field => RouteTemplate((string)field.GetRawConstantValue()!))
            .ToList();
        var assembly = typeof(SettingsFunction).Assembly;
        var templates = assembly.GetManifestResourceNames().Where(name => name.EndsWith(".liquid", StringComparison.Ordinal)).ToList();
        var checkedLinks = 0;

        foreach (var name in templates)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            foreach (Match link in ApiLink().Matches(reader.ReadToEnd()))
            {
                Assert.True(routes.Exists(route => route.IsMatch(link.Groups[1].Value)), $"{name} links to /api/{link.Groups[1].Value}, which no function answers");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 10, $"only {checkedLinks} links found in {templates.Count} templates");
    }

    [Theory]
    [InlineData("journal/day", true)]
    [InlineData("journal", true)]
    [InlineData("assets/site.css", true)]
    [InlineData("settings/export", true)]
    [InlineData("settings/exports", false)]
    [InlineData("journal/day/extra", false)]
    public void RouteTemplate_MatchesTheHostsWay(string path, bool expected)
    {
        var routes = new[] { Routes.JournalViews, Routes.Assets, Routes.SettingsExport }.Select(RouteTemplate);

        Assert.Equal(expected, routes.Any(route => route.IsMatch(path)));
    }

    // "journal/{view?}" answers "journal" and "journal/day"; "assets/{file}" answers "assets/site.css".
    private static Regex RouteTemplate(string route) =>
        new("^" + Regex.Replace(Regex.Replace(Regex.Escape(route), @"/\\\{\w+\\\?}", "(/[^/]+)?"), @"\\\{\w+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"/api/([a-z0-9/._-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ApiLink();
}
