using System.Reflection;
using System.Text.RegularExpressions;
using Compersion.Core.Links;
using Compersion.Functions.Pages;

namespace Compersion.Functions.Tests;

/// <summary>
/// The page templates spell no path: they link through <c>routes</c> (<see cref="PageRoutes"/>), built from
/// <see cref="Routes"/>, and each of those paths is a route the app answers.
/// </summary>
public sealed partial class RoutesTests
{
    private static readonly List<(string Name, string Text)> Templates = ReadTemplates();

    [Fact]
    public void PageTemplates_ApiPaths_NoneSpelledOut()
    {
        var spelled = Templates.Where(template => template.Text.Contains(Routes.Prefix, StringComparison.Ordinal)).Select(template => template.Name).ToList();

        Assert.True(Templates.Count > 5, $"only {Templates.Count} templates found");
        Assert.Empty(spelled);
    }

    [Fact]
    public void PageTemplates_EveryRoutesLink_NamesAPathPageRoutesHas()
    {
        var names = typeof(PageRoutes).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => SnakeCase(property.Name)).ToHashSet(StringComparer.Ordinal);
        var links = Templates.SelectMany(template => RoutesLink().Matches(template.Text).Select(link => (template.Name, Route: link.Groups[1].Value))).ToList();

        Assert.True(links.Count > 10, $"only {links.Count} routes links found in {Templates.Count} templates");
        Assert.All(links, link => Assert.True(names.Contains(link.Route), $"{link.Name} links to routes.{link.Route}, which PageRoutes does not have"));
    }

    [Fact]
    public void PageRoutes_EveryPath_IsARouteTheAppAnswers()
    {
        var routes = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(Routes.Prefix))
            .Select(field => RouteTemplate((string)field.GetRawConstantValue()!))
            .ToList();
        var paths = typeof(PageRoutes).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => (string)property.GetValue(PageRoutes.Site)!).ToList();

        Assert.Equal(11, paths.Count);
        Assert.All(paths, path =>
        {
            Assert.StartsWith(Routes.Prefix, path, StringComparison.Ordinal);
            Assert.True(routes.Exists(route => route.IsMatch(path[Routes.Prefix.Length..])), $"{path} is no route a function answers");
        });
    }

    [Fact]
    public void PageTemplates_JournalFrame_LinksThroughTheRoutes()
    {
        var html = PageTemplates.Render("Your journal", "journal.html", new JournalFrameView("t0k", "people", string.Empty, "/settings-url", string.Empty, string.Empty));

        Assert.Contains("<link rel=\"stylesheet\" href=\"/api/assets/site.css\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/api/journal?token=t0k\">Calendar</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/api/journal/people?token=t0k\" aria-current=\"page\">People</a>", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/api/journal/search\"", html, StringComparison.Ordinal);
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

    // Fluid exposes members in snake_case: JournalDay is routes.journal_day.
    private static string SnakeCase(string name) => Regex.Replace(name, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();

    private static List<(string Name, string Text)> ReadTemplates()
    {
        var assembly = typeof(SettingsFunction).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames().Where(name => name.EndsWith(".liquid", StringComparison.Ordinal)).Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name, reader.ReadToEnd());
            }),
        ];
    }

    [GeneratedRegex(@"\broutes\.(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex RoutesLink();
}
