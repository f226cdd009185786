using System.Buffers;

namespace Compersion.Replies;

/// <summary>Recognises the footers phones and mail apps append ("Sent from my iPhone", "Get Outlook for iOS", "Von meinem iPhone gesendet", …).</summary>
/// <remarks>
/// The line must start with the footer's phrase and be short. Prose that merely begins the same way
/// ("Sent from my desk, is much easier …") is kept: past the phrase, a footer names a device or an
/// app, or is only a few words with no comma.
/// </remarks>
internal static class SignatureFooter
{
    private const int MaxLength = 120;
    private const int MaxWords = 10;
    private const int MaxOutlookFooterWords = 8;
    private const int MaxOutlookFooterGap = 3;
    private const int MaxOutlookFooterWordsBefore = 3;

    /// <summary>Footer openings; "Sent from my " precedes "Sent from " so the more specific rule applies.</summary>
    private static readonly string[] Prefixes =
    [
        "Sent from my ", "Sent from ", "Sent with ", "Sent via ", "Sent using ", "Sent wirelessly from ", "Sent on the go from ",
        "Get Outlook for ", "Download Outlook for ",
        "Obtener Outlook para ", "Descargar Outlook para ", "Télécharger Outlook pour ", "Obtenir Outlook pour ",
        "Outlook für ", "Outlook voor ", "Scarica Outlook per ", "Ottieni Outlook per ", "Obter o Outlook para ", "Baixar o Outlook para ",
        "Baixe o Outlook para ",
        "Envoyé de mon ", "Envoyé de ", "Envoyé depuis ", "Envoyé à partir de ", "Envoyé avec ", "Envoyé sans fil par ", "Envoyé via ",
        "Von meinem ", "Gesendet von ", "Gesendet mit ", "Gesendet vom ", "Gesendet via ",
        "Enviado desde ", "Enviado de ", "Enviado do ", "Enviado com ", "Enviado con ", "Enviado a partir do ", "Enviado via ",
        "Inviato da ", "Inviato dal ", "Inviato con ", "Verzonden vanaf ", "Verstuurd vanaf ", "Verzonden met ", "Verstuurd met ",
        "Skickat från ", "Sendt fra ", "Sendt från ", "Lähetetty ", "Wysłane z ", "Wysłano z ", "Odesláno z ",
        "Отправлено с ", "Отправлено из ", "Надіслано з ",
    ];

    /// <summary>First letters of <see cref="Prefixes"/>, either case: most lines are turned away on their first character.</summary>
    private static readonly SearchValues<char> PrefixInitials = SearchValues.Create(
        string.Concat(Prefixes.Select(p => char.ToLowerInvariant(p[0]).ToString() + char.ToUpperInvariant(p[0]))));

    /// <summary>Words that make a footer: a device, a maker or a mail app.</summary>
    private static readonly string[] DeviceWords =
    [
        "iphone", "ipad", "ipod", "android", "blackberry", "galaxy", "samsung", "huawei", "xiaomi", "redmi", "oneplus", "pixel",
        "nokia", "motorola", "htc", "xperia", "wiko", "fairphone", "mobile", "móvil", "movil", "cellulare", "handy", "phone",
        "tablet", "outlook", "mail", "yahoo", "aol", "windows", "ios", "smartphone", "телефон", "смартфона",
    ];

    /// <summary>Whether the line is a device or app footer.</summary>
    public static bool IsFooter(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }

        if (IsIdeographicFooter(text) || IsOutlookAppFooter(text))
        {
            return true;
        }

        if (!PrefixInitials.Contains(text[0]))
        {
            return false;
        }

        foreach (var prefix in Prefixes)
        {
            if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = WithoutLink(text[prefix.Length..]);
            var words = VisibleTextSpans.CountWords(rest);
            var clause = rest.IndexOfAny(',', ';');
            if (HasDeviceWord(clause < 0 ? rest : rest[..clause]) && words <= MaxWords)
            {
                return true;
            }

            // "Sent from my Wiko RIDGE FAB 4G", "Sent with Sparrow", "Sent from TypeApp".
            var limit = prefix == "Sent from my " ? 4 : prefix.StartsWith("Sent ", StringComparison.Ordinal) ? 3 : 0;
            return clause < 0 && words > 0 && words <= limit;
        }

        return false;
    }

    // "Holen Sie sich Outlook für Android", "Skaffa Outlook för iOS", "iOS için Outlook'u edinin": Outlook's phone apps write
    // their footer in the phone's language. "Outlook" and the platform close together, at most three words before them
    // (the ones that ask to get it) and one after ("beziehen"), and nothing else: "Finally got Outlook for Android working
    // on my phone" is a gratitude.
    private static bool IsOutlookAppFooter(ReadOnlySpan<char> text)
    {
        if (!text.Contains("Outlook", StringComparison.Ordinal))
        {
            return false;
        }

        var words = WithoutLink(text).ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxOutlookFooterWords)
        {
            return false;
        }

        var outlook = Array.FindIndex(words, word => word.StartsWith("Outlook", StringComparison.Ordinal));
        var platform = Array.FindIndex(words, word => word.Trim('.', ',', '!').ToUpperInvariant() is "IOS" or "ANDROID");
        if (outlook < 0 || platform < 0)
        {
            return false;
        }

        var first = Math.Min(outlook, platform);
        var last = Math.Max(outlook, platform);
        return last - first <= MaxOutlookFooterGap && first <= MaxOutlookFooterWordsBefore && words.Length - 1 - last <= 1;
    }

    private static bool IsIdeographicFooter(ReadOnlySpan<char> text) =>
        text.Length <= 40
        && (text.EndsWith("から送信", StringComparison.Ordinal)
            || text.EndsWith("から送信しました", StringComparison.Ordinal)
            || text.EndsWith("에서 보냄", StringComparison.Ordinal)
            || (text.EndsWith("Outlook を入手", StringComparison.Ordinal) && text.Contains("版", StringComparison.Ordinal))
            || (text.EndsWith("gönderildi", StringComparison.OrdinalIgnoreCase) && HasDeviceWord(text))
            || text.StartsWith("发自", StringComparison.Ordinal)
            || text.StartsWith("發自", StringComparison.Ordinal)
            || text.StartsWith("从我的", StringComparison.Ordinal)
            || text.StartsWith("從我的", StringComparison.Ordinal));

    /// <summary>The text before a trailing link ("Outlook for iOS&lt;https://aka.ms/…&gt;", "Sparrow (http://…)").</summary>
    private static ReadOnlySpan<char> WithoutLink(ReadOnlySpan<char> text)
    {
        var cut = text.IndexOfAny('<', '(');
        var http = text.IndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (http >= 0 && (cut < 0 || http < cut))
        {
            cut = http;
        }

        return (cut < 0 ? text : text[..cut]).Trim();
    }

    private static bool HasDeviceWord(ReadOnlySpan<char> text)
    {
        foreach (var word in DeviceWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
