using Compersion.Core.Subscriptions;

namespace Compersion.Functions;

/// <summary><c>/api/settings?token=…</c>: the settings page, reached only through a signed link that lasts 24 hours.</summary>
/// <remarks>GET shows it; POST (the form, with its anti-forgery token) saves every setting at once and comes back with 303.</remarks>
public sealed class SettingsFunction(LinkGate gate, SettingsService settings, FormTokens tokens)
{
    /// <summary>Shows or saves the settings.</summary>
    [Function(nameof(SettingsFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Settings)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posting = HttpMethods.IsPost(request.Method);
        var opened = posting
            ? await gate.SettingsFormAsync(request, SettingsPage.SettingsFormBytes, string.Empty, cancellationToken)
            : await gate.SettingsAsync(request, cancellationToken);
        if (opened.Refusal is { } refusal)
        {
            return refusal;
        }

        var (access, token) = (opened.Access!, opened.Token);
        if (!posting)
        {
            return SettingsPage.Render(request, tokens, access, token, request.Query["saved"] == "1" ? "Saved. Your emails follow the new settings from now on." : string.Empty);
        }

        if (!SettingsPage.TryReadChange(opened.Form!, access.Subscriber!, settings.Today(access.Subscriber!), out var change, out var error))
        {
            return SettingsPage.Render(request, tokens, access, token, error + " Nothing was changed.", noticeIsError: true, status: StatusCodes.Status400BadRequest);
        }

        await settings.ApplyAsync(access.Subscriber!, change!, cancellationToken);
        return new SeeOtherResult(SettingsPage.Url(token) + "&saved=1");
    }
}
