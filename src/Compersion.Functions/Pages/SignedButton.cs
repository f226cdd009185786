namespace Compersion.Functions.Pages;

/// <summary>The button of a page a signed link opened: a form posting the link's token back with this browser's anti-forgery token.</summary>
/// <param name="request">The request (its form-guard cookie is set only when a button is made).</param>
/// <param name="tokens">The form tokens.</param>
/// <param name="token">The link's token.</param>
internal sealed class SignedButton(HttpRequest request, FormTokens tokens, string token)
{
    /// <summary>The link's token.</summary>
    public string Token { get; } = token;

    /// <summary>The one-button form posting to <paramref name="action"/>.</summary>
    /// <param name="action">Where it posts.</param>
    /// <param name="words">The button's words.</param>
    public ButtonForm Form(string action, string words) =>
        new(action, [new HiddenField("token", Token), new HiddenField(FormTokens.FieldName, tokens.TokenFor(Token, FormGuard.Nonce(request)))], words);
}
