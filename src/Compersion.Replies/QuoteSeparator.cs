using System.Collections.Frozen;

namespace Compersion.Replies;

/// <summary>Recognises the separator lines clients put above quoted or forwarded mail ("-----Original Message-----", "---------- Forwarded message ---------", Outlook's underscore rule).</summary>
internal static class QuoteSeparator
{
    private const int MinUnderscoreRule = 20;

    private static readonly FrozenSet<string> Phrases = new[]
    {
        "Original Message", "Reply Message", "Forwarded message", "Forwarded Message Follows", "Begin forwarded message", "Original Appointment",
        "Ursprüngliche Nachricht", "Antwort Nachricht", "Weitergeleitete Nachricht", "Originalnachricht",
        "Message d'origine", "Message d’origine", "Message original", "Message transféré", "Début du message réexpédié", "Début du message transféré",
        "Mensaje original", "Mensaje reenviado", "Messaggio originale", "Messaggio inoltrato", "Inizio messaggio inoltrato",
        "Mensagem original", "Mensagem encaminhada", "Mensagem reencaminhada",
        "Oorspronkelijk bericht", "Origineel bericht", "Doorgestuurd bericht", "Oprindelig besked", "Oprindelig meddelelse",
        "Videresendt besked", "Videresendt meddelelse", "Opprinnelig melding", "Videresendt melding",
        "Ursprungligt meddelande", "Vidarebefordrat meddelande", "Alkuperäinen viesti", "Välitetty viesti",
        "Wiadomość oryginalna", "Oryginalna wiadomość", "Przekazana wiadomość", "Původní zpráva", "Přeposlaná zpráva",
        "Eredeti üzenet", "Továbbított üzenet", "Orijinal mesaj", "Mesaj original",
        "Исходное сообщение", "Пересылаемое сообщение", "Пересланное сообщение", "Оригінальне повідомлення", "Переслане повідомлення",
        "原始邮件", "原始郵件", "转发的邮件", "元のメッセージ", "転送されたメッセージ", "원본 메시지", "전달된 메시지",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup = Phrases.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the line separates the reply from the message it quotes or forwards.</summary>
    public static bool IsSeparator(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length >= MinUnderscoreRule && !text.ContainsAnyExcept('_'))
        {
            return true;
        }

        var core = VisibleTextSpans.TrimFraming(text).TrimEnd(':').TrimEnd();
        return core.Length is >= 2 and <= 48 && PhraseLookup.Contains(core);
    }
}
