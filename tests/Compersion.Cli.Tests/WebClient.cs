using System.Net;
using System.Text.RegularExpressions;

namespace Compersion.Cli.Tests;

/// <summary>An HTTP client that keeps cookies like a browser, for the web pages' forms.</summary>
internal sealed partial class WebClient : IDisposable
{
    private readonly HttpClientHandler handler;

    public WebClient(string baseUrl)
    {
        handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        Http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies => handler.CookieContainer;

    /// <summary>GETs a page and returns its status and HTML.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs a form and returns the response.</summary>
    public Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields) =>
        Http.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>The value of a hidden field in a page.</summary>
    public static string Field(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No {name} field in the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The first heading of a page.</summary>
    public static string Heading(string html) => WebUtility.HtmlDecode(HeadingPattern().Match(html).Groups[1].Value);

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex("<h1>([^<]*)</h1>")]
    private static partial Regex HeadingPattern();
}
