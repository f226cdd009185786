#!/usr/bin/env python3
"""Writes the MIME reply corpus: every content set below sent through every client template.

Each message is a whole RFC 5322 reply shaped the way that client builds one (its HTML markup,
quote container, signature, footer, charset, transfer encoding, format=flowed), with the expected
items, signals and acts beside it in <name>.expected.json. Run from this folder:

    python3 generate.py

The templates follow the structure each client emits; the texts were written for this corpus.
"""
import json, os, html as H
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.charset import Charset, QP, BASE64

HERE = os.path.dirname(os.path.abspath(__file__))

# (item text, social, vague, compersion); acts are (text,) and expected only as text.
CONTENT = {
 'en1': dict(lang='en', items=[
   ("the way the light came through the kitchen window this morning", False, False, False),
   ("my sister calling to tell me she got the flat she wanted", True, False, True),
   ("a long walk along the canal with Dan Okafor after work", True, False, False),
   ("the smell of bread from the bakery on the corner", False, False, False),
   ("my neighbour waving from her garden while I walked the dog", True, False, False)],
   acts=["left a thank-you note for the postman"], name="Daniel", signoff="Warm regards,"),
 'en2': dict(lang='en', items=[
   ("Coffee with Ana before the meeting", True, False, False),
   ("My little brother passing his driving test", True, False, True),
   ("Finishing the book I started in the summer", False, False, False),
   ("Rain on the roof while I fell asleep", False, False, False),
   ("Mum sending me a photo of her garden", True, False, False)],
   acts=[], name="Priya", signoff="Thanks,"),
 'de1': dict(lang='de', items=[
   ("Frühstück mit meiner Schwester auf dem Balkon", True, False, False),
   ("Der erste Schnee im Garten", False, False, False),
   ("Ein langer Spaziergang an der Isar", False, False, False),
   ("Meine Kollegin hat mir einen Kaffee mitgebracht", True, False, False),
   ("Oma am Telefon, sie klang so fröhlich", True, False, True)],
   acts=["Nachbarin beim Tragen der Einkäufe geholfen"], name="Jonas", signoff="Viele Grüße"),
 'de2': dict(lang='de', items=[
   ("Mein Freund hat für mich gekocht", True, False, False),
   ("Sonne auf dem Weg zur Arbeit", False, False, False),
   ("Ein gutes Buch am Abend", False, False, False),
   ("Ein Anruf von meinem Vater", True, False, False),
   ("Frische Erdbeeren vom Markt", False, False, False)],
   acts=[], name="Lena", signoff="Liebe Grüße"),
 'fr1': dict(lang='fr', items=[
   ("Un café avec ma sœur au soleil", True, False, False),
   ("La pluie sur les toits de Paris", False, False, False),
   ("Mon voisin m'a aidé à porter les courses", True, False, False),
   ("Un bon livre avant de dormir", False, False, False),
   ("Le sourire de ma fille ce matin", True, False, True)],
   acts=["offert des fleurs à une inconnue"], name="Camille", signoff="Bien à vous,"),
 'fr2': dict(lang='fr', items=[
   ("Déjeuner avec mon ami Karim", True, False, False),
   ("Une promenade le long de la Seine", False, False, False),
   ("Le pain chaud de la boulangerie", False, False, False),
   ("Ma mère au téléphone", True, False, False),
   ("Un moment calme avec un thé", False, False, False)],
   acts=[], name="Hugo", signoff="Bises"),
 'es1': dict(lang='es', items=[
   ("Desayuno con mi hermana en la terraza", True, False, False),
   ("El sol de la tarde en el parque", False, False, False),
   ("Mi vecina me regaló tomates de su huerto", True, False, False),
   ("Una siesta sin despertador", False, False, False),
   ("Una llamada de mi abuela", True, False, False)],
   acts=["ayudé a un desconocido con su maleta"], name="Lucía", signoff="Un abrazo,"),
 'es2': dict(lang='es', items=[
   ("Cena con mi novio en casa", True, False, False),
   ("Un paseo junto al mar", False, False, False),
   ("El café de la mañana", False, False, False),
   ("Mi amiga Carmen me escribió", True, False, False),
   ("Terminar el proyecto a tiempo", False, False, False)],
   acts=[], name="Diego", signoff="Saludos,"),
 'it1': dict(lang='it', items=[
   ("Colazione con mia sorella in terrazza", True, False, False),
   ("Il sole sul lago", False, False, False),
   ("Una passeggiata in centro", False, False, False),
   ("Mia nonna mi ha chiamato", True, False, False),
   ("Un buon libro prima di dormire", False, False, False)],
   acts=["ho aiutato un vicino con la spesa"], name="Giulia", signoff="Un abbraccio,"),
 'it2': dict(lang='it', items=[
   ("Cena con il mio amico Marco", True, False, False),
   ("La pioggia sulla finestra", False, False, False),
   ("Un caffè al bar sotto casa", False, False, False),
   ("Mio fratello mi ha fatto ridere", True, False, False),
   ("Il profumo del basilico", False, False, False)],
   acts=[], name="Luca", signoff="Saluti,"),
 'pt1': dict(lang='pt', items=[
   ("Almoço com a minha mãe", True, False, False),
   ("O sol na praia ao fim da tarde", False, False, False),
   ("Um café com a minha amiga Rita", True, False, False),
   ("Dormir até tarde no domingo", False, False, False),
   ("O cheiro do pão quente", False, False, False)],
   acts=["ajudei uma vizinha com as compras"], name="Inês", signoff="Abraços,"),
 'pt2': dict(lang='pt', items=[
   ("Jantar com o meu namorado", True, False, False),
   ("Uma caminhada no parque", False, False, False),
   ("Um livro novo", False, False, False),
   ("O meu irmão ligou-me", True, False, False),
   ("Chuva fresca depois do calor", False, False, False)],
   acts=[], name="Tiago", signoff="Obrigado,"),
 'nl1': dict(lang='nl', items=[
   ("Koffie met mijn zus op het terras", True, False, False),
   ("Fietsen langs de gracht in de zon", False, False, False),
   ("Mijn buurman hielp met de boodschappen", True, False, False),
   ("Een goed boek op de bank", False, False, False),
   ("Oma belde om hallo te zeggen", True, False, False)],
   acts=["bloemen gebracht naar een collega"], name="Sanne", signoff="Groetjes,"),
 'nl2': dict(lang='nl', items=[
   ("Ontbijt met mijn vriend", True, False, False),
   ("De eerste lentedag", False, False, False),
   ("Een wandeling in het bos", False, False, False),
   ("Mijn moeder stuurde een foto", True, False, False),
   ("Verse aardbeien van de markt", False, False, False)],
   acts=[], name="Bram", signoff="Met vriendelijke groet,"),
 'ja1': dict(lang='ja', items=[
   ("母とお茶を飲んだ", True, False, False),
   ("朝の散歩", False, False, False),
   ("同僚とランチ", True, False, False),
   ("桜がきれいだった", False, False, False),
   ("娘の笑顔", True, False, True)],
   acts=[], name="", signoff="よろしくお願いします", marker='１．'),
 'ja2': dict(lang='ja', items=[
   ("友達から電話があった", True, False, False),
   ("おいしいパン", False, False, False),
   ("雨の音", False, False, False),
   ("父と散歩した", True, False, False),
   ("早く寝られた", False, False, False)],
   acts=[], name="", signoff="", marker='・'),
 # Joy noticed in someone else at the clause level and in each language, vague items, and the writer's own joy
 # (not compersion) beside them; written for this corpus as a native speaker would write them.
 'en3': dict(lang='en', items=[
   ("My daughter could not stop grinning after her recital", True, False, True),
   ("He made me laugh all evening with his terrible puns", True, False, False),
   ("My family", True, True, False),
   ("The look on her face when she saw the cake, pure delight", True, False, True),
   ("Watching my partner come home from her first day at the new job absolutely glowing", True, False, True)],
   acts=[], name="Sam", signoff="Cheers,"),
 'de3': dict(lang='de', items=[
   ("Mein Sohn hat endlich seine Führerscheinprüfung bestanden", True, False, True),
   ("Meine Freundin hat vor Freude gestrahlt, als sie die Zusage bekam", True, False, True),
   ("Gesundheit", False, True, False),
   ("Mein Kollege hat mir beim Umzug geholfen", True, False, False),
   ("Das Lachen meiner Tochter beim Kitzeln", True, False, True)],
   acts=[], name="Anna", signoff="Liebe Grüße"),
 'fr3': dict(lang='fr', items=[
   ("Ma fille a réussi son permis de conduire", True, False, True),
   ("Mon frère était tellement fier de son premier marathon", True, False, True),
   ("Ma famille", True, True, False),
   ("Mon mari m'a fait rire au dîner", True, False, False),
   ("Ma grand-mère n'arrêtait pas de sourire en ouvrant son cadeau", True, False, True)],
   acts=[], name="Julie", signoff="Bises"),
 'es3': dict(lang='es', items=[
   ("Mi hermano aprobó el examen de conducir", True, False, True),
   ("Mi abuela estaba tan feliz con las flores", True, False, True),
   ("La salud", False, True, False),
   ("Mi compañera de trabajo me invitó a un café", True, False, False),
   ("La sonrisa de mi hijo al ver el mar por primera vez", True, False, True)],
   acts=[], name="Marta", signoff="Un abrazo,"),
 'it3': dict(lang='it', items=[
   ("Mia figlia ha superato l'esame di maturità", True, False, True),
   ("Il sorriso di mio padre quando ha visto i nipoti", True, False, True),
   ("La mia famiglia", True, True, False),
   ("Un messaggio di mia madre", True, False, False),
   ("Mio marito era così orgoglioso del suo primo pane fatto in casa", True, False, True)],
   acts=[], name="Chiara", signoff="Un abbraccio,"),
 'pt3': dict(lang='pt', items=[
   ("A minha irmã passou no exame de condução", True, False, True),
   ("O meu pai ficou tão orgulhoso de mim", True, False, True),
   ("A saúde", False, True, False),
   ("O meu avô contou-me uma história", True, False, False),
   ("A alegria da minha filha no primeiro dia de escola", True, False, True)],
   acts=[], name="Beatriz", signoff="Beijinhos,"),
 'nl3': dict(lang='nl', items=[
   ("Mijn dochter is geslaagd voor haar rijexamen", True, False, True),
   ("Mijn oma straalde toen ze de bloemen zag", True, False, True),
   ("Mijn familie", True, True, False),
   ("Mijn collega bracht koffie voor me mee", True, False, False),
   ("Mijn zoon kon niet stoppen met lachen in de speeltuin", True, False, True)],
   acts=[], name="Femke", signoff="Groetjes,"),
 'ja3': dict(lang='ja', items=[
   ("息子が試験に合格した", True, False, True),
   ("母が嬉しそうに笑っていた", True, False, True),
   ("健康", False, True, False),
   ("友達が駅まで送ってくれた", True, False, False),
   ("妹が誇らしげに賞状を見せてくれた", True, False, True)],
   acts=[], name="", signoff="", marker='１．'),
}

QUOTED = "What are five things you are grateful for today?\nBe specific, and mention at least one person."
FOOTERS = {'en': 'Get Outlook for Android', 'de': 'Outlook für Android herunterladen', 'fr': 'Télécharger Outlook pour Android',
           'es': 'Obtener Outlook para Android', 'it': 'Scarica Outlook per Android', 'pt': 'Obter o Outlook para Android',
           'nl': 'Outlook voor Android downloaden', 'ja': 'Android 版 Outlook を入手'}
WROTE = {'en': 'On Tue, 1 Dec 2026 at 20:00, Compersion <hello@compersion.example> wrote:',
         'de': 'Am Di., 1. Dez. 2026 um 20:00 Uhr schrieb Compersion <hello@compersion.example>:',
         'fr': 'Le mar. 1 déc. 2026 à 20:00, Compersion <hello@compersion.example> a écrit :',
         'es': 'El mar, 1 dic 2026 a las 20:00, Compersion (<hello@compersion.example>) escribió:',
         'it': 'Il giorno mar 1 dic 2026 alle ore 20:00 Compersion <hello@compersion.example> ha scritto:',
         'pt': 'Em ter., 1 de dez. de 2026 às 20:00, Compersion <hello@compersion.example> escreveu:',
         'nl': 'Op di 1 dec 2026 om 20:00 schreef Compersion <hello@compersion.example>:',
         'ja': '2026年12月1日(火) 20:00 Compersion <hello@compersion.example>:'}
OUTLOOK_HEADER = {'en': ('From', 'Sent', 'To', 'Subject'), 'de': ('Von', 'Gesendet', 'An', 'Betreff'),
                  'fr': ('De', 'Envoyé', 'À', 'Objet'), 'es': ('De', 'Enviado', 'Para', 'Asunto'),
                  'it': ('Da', 'Inviato', 'A', 'Oggetto'), 'pt': ('De', 'Enviado', 'Para', 'Assunto'),
                  'nl': ('Van', 'Verzonden', 'Aan', 'Onderwerp'), 'ja': ('差出人', '送信日時', '宛先', '件名')}

def lines(c, numbered):
    marker = c.get('marker')
    out = []
    for i, (t, *_ ) in enumerate(c['items']):
        if marker == '１．':
            out.append('１２３４５'[i] + '．' + t)
        elif marker:
            out.append(marker + t)
        else:
            out.append(f"{i+1}. {t}" if numbered else t)
    out += ["kindness: " + a for a in c['acts']]
    return out

def quoted_plain(c):
    return WROTE[c['lang']] + "\n" + "\n".join("> " + l for l in QUOTED.split("\n"))

def esc(s): return H.escape(s, quote=False)

def gmail(c):
    ls = lines(c, numbered=False)
    text = "\n".join(ls) + ("\n\n" + c['name'] if c['name'] else "") + "\n\n" + quoted_plain(c) + "\n"
    body = "".join(f"<div>{esc(l)}</div>" for l in ls) + (f"<div><br></div><div>{esc(c['name'])}</div>" if c['name'] else "")
    html = (f'<div dir="ltr">{body}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{esc(WROTE[c["lang"]])}<br></div>'
            f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">{esc(QUOTED).replace(chr(10), "<br>")}</blockquote></div>\n')
    return alt(text, html, 'utf-8', QP)

def outlook_desktop(c):
    ls = lines(c, numbered=True)
    f, s, t, sub = OUTLOOK_HEADER[c['lang']]
    head = f"{f}: Compersion <hello@compersion.example>\n{s}: Tuesday, December 1, 2026 8:00 PM\n{t}: Jo <jo@example.com>\n{sub}: Five good things"
    sig = [c['signoff'], c['name'], "Senior Product Manager | Acme Corp", "+1 217 555 0100"] if c['name'] else []
    disclaimer = "CONFIDENTIALITY NOTICE: This email and any attachments are for the sole use of the intended recipient."
    text = "\n".join(ls + [""] + sig + [disclaimer, "", "________________________________", head, "", QUOTED]) + "\n"
    ps = "".join(f'<p class="MsoNormal">{esc(l)}<o:p></o:p></p>' for l in ls + [""] + sig + [disclaimer])
    html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><style>p.MsoNormal{margin:0cm}</style></head>'
            f'<body lang="EN-US"><div class="WordSection1">{ps}<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
            f'<p class="MsoNormal"><b>{f}:</b> Compersion &lt;hello@compersion.example&gt;<br><b>{s}:</b> Tuesday, December 1, 2026 8:00 PM<br><b>{t}:</b> Jo<br><b>{sub}:</b> Five good things</p></div>'
            f'<p class="MsoNormal">{esc(QUOTED)}</p></div></body></html>\n')
    cs = 'windows-1252' if c['lang'] not in ('ja',) else 'utf-8'
    return alt(text, html, cs, QP)

def outlook_mobile(c):
    ls = lines(c, numbered=False)
    f, s, t, sub = OUTLOOK_HEADER[c['lang']]
    text = "\n".join(ls) + "\n\n" + FOOTERS[c['lang']] + "\n________________________________\n" + f"{f}: Compersion <hello@compersion.example>\n{s}: Tuesday, December 1, 2026 8:00:00 PM\n{t}: jo@example.com\n{sub}: Five good things\n\n" + QUOTED + "\n"
    body = "".join(f"<div>{esc(l)}</div>" for l in ls)
    html = (f'<html><body><div dir="auto">{body}</div><div dir="auto"><br></div><div id="ms-outlook-mobile-signature"><div dir="auto">{esc(FOOTERS[c["lang"]])}</div></div>'
            f'<div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>{f}:</b> Compersion<br><b>{s}:</b> Tuesday<br><b>{sub}:</b> Five good things</div>'
            f'<div>{esc(QUOTED)}</div></body></html>\n')
    return alt(text, html, 'utf-8', BASE64)

def apple(c):
    ls = lines(c, numbered=False)
    text = "\n".join(ls) + "\n\n" + WROTE[c['lang']].replace(' wrote:', ' wrote:') + "\n\n" + "\n".join("> " + l for l in QUOTED.split("\n")) + "\n"
    body = "".join(f"<div>{esc(l)}</div>" for l in ls)
    html = (f'<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">{body}<div dir="ltr"><br><blockquote type="cite">'
            f'{esc(WROTE[c["lang"]])}<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">{esc(QUOTED)}</div></blockquote></body></html>\n')
    return alt(text, html, 'utf-8', QP)

def iphone_plain(c):
    ls = lines(c, numbered=False)
    footer = {'en': 'Sent from my iPhone', 'de': 'Von meinem iPhone gesendet', 'fr': 'Envoyé de mon iPhone', 'es': 'Enviado desde mi iPhone',
              'it': 'Inviato da iPhone', 'pt': 'Enviado do meu iPhone', 'nl': 'Verstuurd vanaf mijn iPhone', 'ja': 'iPhoneから送信'}[c['lang']]
    text = "\n".join(ls) + "\n\n" + footer + "\n\n" + quoted_plain(c) + "\n"
    return plain(text, 'utf-8', QP, flowed=False)

def thunderbird(c):
    # format=flowed: long lines are soft-wrapped at 72 with a trailing space.
    ls = lines(c, numbered=True)
    out = []
    for l in ls:
        while len(l) > 60 and ' ' in l[40:]:
            cut = l.index(' ', 40)
            out.append(l[:cut + 1]); l = l[cut + 1:]
        out.append(l)
    sig = ["-- ", c['name']] if c['name'] else []
    text = "\n".join(out + [""] + sig + ["", WROTE[c['lang']]] + ["> " + q for q in QUOTED.split("\n")]) + "\n"
    return plain(text, 'utf-8', QP, flowed=True)

def thunderbird_html(c):
    ls = lines(c, numbered=True)
    body = "".join(f"<p>{esc(l)}</p>" for l in ls)
    sig = f'<pre class="moz-signature" cols="72">-- \n{esc(c["name"])}</pre>' if c['name'] else ""
    html = (f'<html><body>{body}{sig}<div class="moz-cite-prefix">{esc(WROTE[c["lang"]])}<br></div>'
            f'<blockquote type="cite" cite="mid:prompt@compersion.example">{esc(QUOTED)}</blockquote></body></html>\n')
    return plain(html, 'utf-8', QP, subtype='html')

def yahoo(c):
    ls = lines(c, numbered=False)
    text = "\n".join(ls) + "\n\n" + quoted_plain(c) + "\n"
    body = "".join(f'<div dir="ltr" data-setdir="false">{esc(l)}</div>' for l in ls)
    html = (f'<html><body><div class="ydp1a2b3c4yahoo-style-wrap" style="font-family:Helvetica">{body}</div>'
            f'<div id="yahoo_quoted_123" class="yahoo_quoted"><div style="font-size:13px">{esc(WROTE[c["lang"]])}</div><div>{esc(QUOTED)}</div></div></body></html>\n')
    return alt(text, html, 'utf-8', QP)

def proton(c):
    ls = lines(c, numbered=False)
    text = "\n".join(ls) + "\n\nSent with Proton Mail secure email.\n\n" + quoted_plain(c) + "\n"
    body = "".join(f'<div style="font-family: Arial">{esc(l)}</div>' for l in ls)
    html = (f'<div style="font-family: Arial, sans-serif; font-size: 14px;">{body}</div><div class="protonmail_signature_block">'
            f'<div class="protonmail_signature_block-proton">Sent with <a href="https://proton.me/">Proton Mail</a> secure email.</div></div>'
            f'<div class="protonmail_quote">{esc(WROTE[c["lang"]])}<br><blockquote class="protonmail_quote" type="cite">{esc(QUOTED)}</blockquote></div>\n')
    return alt(text, html, 'utf-8', BASE64)

def samsung(c):
    ls = lines(c, numbered=False)
    footer = {'en': 'Sent from my Galaxy', 'de': 'Von meinem Samsung Galaxy Smartphone gesendet.', 'fr': 'Envoyé depuis mon appareil Galaxy',
              'es': 'Enviado desde mi Galaxy', 'it': 'Inviato dal mio Galaxy', 'pt': 'Enviado do meu Galaxy', 'nl': 'Verzonden vanaf mijn Galaxy',
              'ja': 'Galaxy から送信'}[c['lang']]
    text = "\n".join(ls) + "\n\n\n" + footer + "\n\n\n-------- Original message --------\nFrom: Compersion <hello@compersion.example>\nDate: 12/1/26 20:00 (GMT+01:00)\nTo: jo@example.com\nSubject: Five good things\n\n" + QUOTED + "\n"
    body = "".join(f'<div dir="auto">{esc(l)}</div>' for l in ls)
    html = (f'<html><body>{body}<div dir="auto"><br></div><div id="composer_signature" dir="auto"><div style="font-size:12px;color:#575757" dir="auto">{esc(footer)}</div></div>'
            f'<div dir="auto"><br></div><div align="left" dir="auto" style="font-size:100%;color:#000000"><div>-------- Original message --------</div><div>From: Compersion &lt;hello@compersion.example&gt; </div>'
            f'<div>Date: 12/1/26 20:00 (GMT+01:00) </div><div>Subject: Five good things </div><div><br></div></div>{esc(QUOTED)}</body></html>\n')
    return alt(text, html, 'utf-8', BASE64)

def alt(text, html, charset, enc):
    m = MIMEMultipart('alternative')
    m.attach(part(text, 'plain', charset, enc))
    m.attach(part(html, 'html', charset, enc))
    return m

def part(s, subtype, charset, enc, flowed=False):
    cs = Charset(charset); cs.body_encoding = enc
    p = MIMEText(s, subtype, _charset=cs)
    if flowed:
        p.set_param('format', 'flowed')
    return p

def plain(s, charset, enc, flowed=False, subtype='plain'):
    return part(s, subtype, charset, enc, flowed)

CLIENTS = {'gmail': gmail, 'outlook-desktop': outlook_desktop, 'outlook-mobile': outlook_mobile, 'apple-mail': apple,
           'iphone-plain': iphone_plain, 'thunderbird': thunderbird, 'thunderbird-html': thunderbird_html, 'yahoo': yahoo,
           'proton': proton, 'samsung': samsung}

def main():
    for f in os.listdir(HERE):
        if f.endswith('.eml') or f.endswith('.expected.json'):
            os.remove(os.path.join(HERE, f))
    n = 0
    for cid, c in CONTENT.items():
        for client, build in CLIENTS.items():
            if c['lang'] == 'ja' and client == 'outlook-desktop':
                continue
            m = build(c)
            m['From'] = 'Jo <jo@example.com>'
            m['To'] = 'reply+abc@reply.compersion.example'
            m['Subject'] = 'Re: Five good things'
            m['Message-ID'] = f'<{client}-{cid}@mail.example.com>'
            name = f'{client}-{cid}'
            with open(os.path.join(HERE, name + '.eml'), 'wb') as fh:
                fh.write(m.as_bytes())
            expected = {'items': [{'text': t, 'social': s, 'vague': v, 'compersion': cp} for (t, s, v, cp) in c['items']],
                        'acts': c['acts']}
            with open(os.path.join(HERE, name + '.expected.json'), 'w', encoding='utf-8') as fh:
                json.dump(expected, fh, ensure_ascii=False, indent=1)
            n += 1
    print(n, 'messages')

main()
