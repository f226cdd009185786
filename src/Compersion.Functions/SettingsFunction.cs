namespace Compersion.Functions;

/// <summary><c>/api/settings?token=…</c>: the settings page, reached only through a signed link that lasts 24 hours.</summary>
/// <remarks>GET shows it; POST (the form, with its anti-forgery token) saves every setting at once and comes back with 303.</remarks>
public sealed class SettingsFunction(LinkGate gate, SettingsPages pages)
{
    /// <summary>Shows or saves the settings.</summary>
    [Function(nameof(SettingsFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Settings)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsPost(request.Method))
        {
            var opened = await gate.SettingsAsync(request, cancellationToken);
            return opened.Refusal ?? pages.Show(request, opened);
        }

        var posted = await gate.SettingsFormAsync(request, SettingsPage.SettingsFormBytes, string.Empty, cancellationToken);
        return posted.Refusal ?? await pages.SaveAsync(request, posted, cancellationToken);
    }
}
