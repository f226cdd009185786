namespace Compersion.Functions.Pages;

/// <summary>What <see cref="LinkGate"/> gives a page: the link it opened, or the page that says why it opened nothing.</summary>
/// <typeparam name="TAccess">What the link opens: the settings or the journal.</typeparam>
/// <param name="Access">The open link, or null when <paramref name="Refusal"/> is set.</param>
/// <param name="Token">The link's token, from the query (GET) or the posted form.</param>
/// <param name="Form">The checked form (POST), or null.</param>
/// <param name="Refusal">The page to answer with instead (expired, invalid, gone, a form that failed its check), or null.</param>
public sealed record Opened<TAccess>(TAccess? Access, string Token, IFormCollection? Form, IActionResult? Refusal)
    where TAccess : class;
