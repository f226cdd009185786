namespace Compersion.Replies;

/// <summary>Recognises the first line of a legal disclaimer appended to mail ("CONFIDENTIALITY NOTICE", "This email and any attachments …").</summary>
internal static class SignatureDisclaimer
{
    private static readonly string[] Openings =
    [
        "CONFIDENTIALITY NOTICE", "CONFIDENTIALITY:", "CONFIDENTIAL:", "DISCLAIMER", "IMPORTANT NOTICE", "LEGAL NOTICE",
        "PRIVILEGED AND CONFIDENTIAL", "PRIVILEGED & CONFIDENTIAL", "PRIVATE AND CONFIDENTIAL",
        "This email and any", "This e-mail and any", "This message and any", "This communication and any",
        "This email (including", "This e-mail (including", "This message (including",
        "This email is intended", "This e-mail is intended", "This message is intended", "This communication is intended",
        "This email contains confidential", "This e-mail contains confidential", "This message contains confidential",
        "This email is confidential", "This e-mail is confidential", "This message is confidential", "This communication is confidential",
        "This email may contain confidential", "This e-mail may contain confidential", "This message may contain confidential",
        "The information contained in this", "The information in this e-mail", "The information in this email", "The information in this message",
        "The content of this email is confidential", "The contents of this email are confidential",
        "If you are not the intended recipient", "If you have received this email in error", "If you have received this e-mail in error", "If you have received this message in error",
        "Le informazioni contenute in questo", "Questo messaggio e gli eventuali allegati", "Questa e-mail e gli eventuali allegati",
        "Ce message et ses pièces jointes", "Ce message et toutes les pièces jointes", "Ce courriel et", "Ce message est confidentiel", "Ce message électronique et",
        "Diese E-Mail enthält vertrauliche", "Diese Nachricht enthält vertrauliche", "Dieses E-Mail enthält vertrauliche", "Diese E-Mail ist vertraulich",
        "Este mensaje y sus anexos", "Este mensaje y sus adjuntos", "Este mensaje es confidencial", "Este mensaje contiene información confidencial", "Este correo electrónico y",
        "Esta mensagem e os seus anexos", "Esta mensagem é confidencial", "Dit bericht is vertrouwelijk", "Deze e-mail is vertrouwelijk",
        "Denne e-mail er fortrolig", "Denne e-posten er konfidensiell", "Detta e-postmeddelande är konfidentiellt", "Tämä viesti on luottamuksellinen",
        "Ta wiadomość jest poufna", "Это сообщение и любые", "Это электронное сообщение и",
    ];

    /// <summary>A disclaimer sentence straight under the reply, with no blank line (Word HTML never has one), is at least this long.</summary>
    private const int MinUnseparatedLength = 60;

    /// <summary>Whether the line opens a disclaimer.</summary>
    /// <param name="line">The line.</param>
    /// <param name="afterBlankLine">
    /// Whether a blank line is above it. Without one, the opening must be written in capitals as legal notices are
    /// ("CONFIDENTIALITY NOTICE: …") or open a long sentence ("This email and any attachments are confidential and …").
    /// </param>
    public static bool IsOpening(ReadOnlySpan<char> line, bool afterBlankLine = true)
    {
        var text = line.TrimStart(" \t*_");
        foreach (var opening in Openings)
        {
            if (!text.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (afterBlankLine || text.Length >= MinUnseparatedLength || (opening.Any(char.IsLetter) && !opening.Any(char.IsLower) && text.StartsWith(opening, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
