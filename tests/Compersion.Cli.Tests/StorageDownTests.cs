using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Compersion.Cli.Tests;

/// <summary>What a person meets when storage is gone mid-flight: a kind answer, the same one the worker's exception middleware gives in Azure.</summary>
public sealed class StorageDownTests
{
    private const string Reason = "Something went wrong on our side. Nothing you sent was lost: please try again in a minute.";

    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Subscribe_StorageStopped_BrowserGetsAKindPageAndAnApiClientAJsonReason()
    {
        await using var local = await LocalHostFixture.StartAsync(Noon);
        using (var azurite = Process.GetProcessById(local.Azurite.ProcessId))
        {
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync();
        }

        using var browser = new HttpRequestMessage(HttpMethod.Post, "/api/subscribe")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "dana@example.com", ["zone"] = "Europe/Berlin", ["time"] = "20:00" }),
        };
        browser.Headers.Accept.ParseAdd("text/html");
        using var page = await local.Http.SendAsync(browser);
        using var api = await local.Http.PostAsync("/api/subscribe", JsonContent("""{"email":"dana@example.com","zone":"Europe/Berlin","time":"20:00"}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("Sorry, that didn't work", WebClient.Heading(html));
        Assert.Contains(Reason, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal(Reason, json.RootElement.GetProperty("error").GetString());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
