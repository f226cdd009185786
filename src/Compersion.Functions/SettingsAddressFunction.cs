namespace Compersion.Functions;

/// <summary><c>POST /api/settings/address</c>: the settings page's "change my address" and "another address" forms (<c>extra=1</c>); mails a confirmation link to the address.</summary>
public sealed class SettingsAddressFunction(LinkGate gate, SettingsPages pages)
{
    /// <summary>Records the new address as pending and mails its link.</summary>
    [Function(nameof(SettingsAddressFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SettingsAddress)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opened = await gate.SettingsFormAsync(request, SettingsPage.SettingsFormBytes, string.Empty, cancellationToken);
        return opened.Refusal ?? await pages.RequestAddressAsync(request, opened, cancellationToken);
    }
}
