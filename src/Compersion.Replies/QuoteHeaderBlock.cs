using System.Collections.Frozen;

namespace Compersion.Replies;

/// <summary>Finds the header block Outlook, Apple Mail and webmail put above quoted history ("From: / Sent: / To: / Subject:" and translations).</summary>
/// <remarks>
/// A block is two or more distinct header fields on consecutive lines (a wrapped value may take up
/// to two lines of its own) with an address or a date among them, or a lone "From:" line carrying
/// an address. Field names alone are not enough: "Date:" and "Time:" in an invitation the
/// subscriber typed are one field, and "From: Mum" / "To: Dad" in a list has no address or date.
/// </remarks>
internal static class QuoteHeaderBlock
{
    private const int MaxKeyLength = 28;
    private const int MaxBlockLines = 10;

    private static readonly FrozenDictionary<string, Field> Keys = BuildKeys();

    private static readonly FrozenDictionary<string, Field>.AlternateLookup<ReadOnlySpan<char>> KeyLookup =
        Keys.GetAlternateLookup<ReadOnlySpan<char>>();

    [Flags]
    private enum Field
    {
        None = 0,
        From = 1,
        Sent = 2,
        To = 4,
        Cc = 8,
        Subject = 16,
    }

    /// <summary>Whether a quoted message's header block starts on line <paramref name="index"/>.</summary>
    public static bool StartsAt(string body, ReadOnlySpan<VisibleLine> lines, int index)
    {
        var first = lines[index].Text(body);
        var field = FieldOf(first, out var value);
        if (field == Field.None)
        {
            return false;
        }

        var seen = field;
        var evidence = HasEvidence(first);
        var loose = 0;
        for (var k = index + 1; k < lines.Length && k <= index + MaxBlockLines; k++)
        {
            if (lines[k].Kind != VisibleLineKind.Text)
            {
                break;
            }

            var text = lines[k].Text(body);
            var next = FieldOf(text, out _);
            if (next == Field.None)
            {
                // A value wrapped onto its own line ("From: Human Resources" / "<hr@example.com>").
                if (++loose > 2)
                {
                    break;
                }
            }
            else
            {
                loose = 0;
                seen |= next;
            }

            evidence |= HasEvidence(text);
        }

        if (evidence && !IsSingleField(seen))
        {
            return true;
        }

        // "From: ann@example.com <ann@example.com>" standing alone above the quoted text.
        return field == Field.From
            && (value.Contains('@') || value.Contains("mailto:", StringComparison.OrdinalIgnoreCase))
            && (index + 1 >= lines.Length || lines[index + 1].Kind == VisibleLineKind.Blank);
    }

    /// <summary>Whether the text starts with a "From:" field in any of the known languages.</summary>
    public static bool StartsWithFrom(ReadOnlySpan<char> text) => FieldOf(text, out _) == Field.From;

    /// <summary>The header field a line starts with ("*From:* …", "Envoyé le :…", "发件人: …"), and its value.</summary>
    private static Field FieldOf(ReadOnlySpan<char> line, out ReadOnlySpan<char> value)
    {
        value = default;
        var text = line.TrimStart().TrimStart('*');
        var colon = -1;
        for (var i = 0; i < text.Length && i <= MaxKeyLength; i++)
        {
            var c = text[i];
            if (c is ':' or '：')
            {
                colon = i;
                break;
            }

            if (!char.IsLetter(c) && c is not (' ' or '-' or '.' or '*' or '\u00a0'))
            {
                return Field.None;
            }
        }

        if (colon <= 0)
        {
            return Field.None;
        }

        var key = text[..colon].Trim().TrimEnd('*').TrimEnd();
        if (key.IsEmpty || !KeyLookup.TryGetValue(key, out var field))
        {
            return Field.None;
        }

        value = text[(colon + 1)..].TrimStart('*').Trim();
        return field;
    }

    /// <summary>An address or a date: what real header blocks carry and a list written as "From: Mum / To: Dad" does not.</summary>
    private static bool HasEvidence(ReadOnlySpan<char> text) => text.Contains('@') || VisibleTextSpans.HasDateEvidence(text);

    private static bool IsSingleField(Field fields) => (fields & (fields - 1)) == 0;

    private static FrozenDictionary<string, Field> BuildKeys()
    {
        var keys = new Dictionary<string, Field>(StringComparer.OrdinalIgnoreCase);
        Add(keys, Field.From, "From", "Von", "De", "Van", "Da", "Fra", "Från", "Od", "От", "Від", "Lähettäjä", "Feladó", "Afzender", "Remitente", "Mittente", "Expéditeur", "Nadawca", "Odesílatel", "Kimden", "发件人", "寄件者", "差出人", "보낸 사람");
        Add(keys, Field.Sent, "Sent", "Date", "Gesendet", "Datum", "Envoyé", "Envoyé le", "Verzonden", "Verstuurd", "Inviato", "Data", "Sendt", "Dato", "Skickat", "Enviado", "Enviada", "Enviado el", "Wysłano", "Wysłane", "Отправлено", "Дата", "Надіслано", "Lähetetty", "Päivämäärä", "Elküldve", "Dátum", "Odesláno", "Tarih", "Message du", "发送时间", "日期", "送信日時", "날짜", "보낸 날짜");
        Add(keys, Field.To, "To", "An", "À", "A", "Aan", "Til", "Till", "Para", "Do", "Кому", "Vastaanottaja", "Címzett", "Komu", "Kime", "Destinataire", "Destinatario", "收件人", "宛先", "받는 사람");
        Add(keys, Field.Cc, "Cc", "Bcc", "Kopie", "Copie à", "Cópia", "Copia", "Kopi", "Kopia", "Копия", "Копія", "抄送", "参照", "참조");
        Add(keys, Field.Subject, "Subject", "Betreff", "Objet", "Sujet", "Onderwerp", "Oggetto", "Emne", "Ämne", "Asunto", "Assunto", "Temat", "Тема", "Aihe", "Tárgy", "Předmět", "Konu", "主题", "主旨", "件名", "제목");
        return keys.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, Field> keys, Field field, params string[] names)
    {
        foreach (var name in names)
        {
            keys[name] = field;
        }
    }
}
