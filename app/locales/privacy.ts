/**
 * Identifying data never stored, and redaction, in every language: the report form's inline findings, the drafts
 * stored with identifying text before the guard refused them, and the admin's redaction page. The Finnish keys
 * define the rest (fi.ts spreads them in).
 */
const fi = {
  'privacy.finding.inField': '”{fragment}” näyttää olevan {kind}. Poista tai yleistä se.',
  'privacy.autosave.notSaved':
    'Luonnosta EI tallennettu, koska siinä näyttää olevan asiakkaan tunnistetietoja (ne on merkitty kenttien alle). Mitään ei tallenneta ennen kuin poistat ne. Kirjoittamasi teksti on yhä lomakkeella.',

  'privacy.flaggedDrafts.title': 'Luonnoksissasi on asiakkaan tunnistetietoja',
  'privacy.flaggedDrafts.help':
    'Nämä luonnokset tallentuivat ennen kuin tunnistetietojen tallentaminen estettiin. Avaa kukin luonnos ja poista merkityt kohdat.',

  'privacy.admin.nav': 'Tietojen poisto',
  'privacy.admin.title': 'Tunnistetietojen poisto raporteista',
  'privacy.admin.drafts.title': 'Luonnokset, joissa on tunnistetietoja',
  'privacy.admin.drafts.help':
    'Nämä luonnokset tallentuivat ennen kuin tunnistetietojen tallentaminen estettiin. Raportoija näkee ne Omat raportit -sivulla ja voi korjata ne itse. Löydetyt kohdat näkyvät vain raportoijalle.',
  'privacy.admin.drafts.empty': 'Yhdessäkään luonnoksessa ei ole löydettyjä tunnistetietoja.',
  'privacy.admin.drafts.report': 'Luonnos',
  'privacy.admin.drafts.author': 'Raportoija',
  'privacy.admin.drafts.findingCount': 'Löydöksiä',
  'privacy.admin.drafts.redact': 'Poista tietoja luonnoksesta ”{title}”',

  'privacy.redact.title': 'Poista tietoja raportin tekstistä',
  'privacy.redact.help':
    'Teksti korvataan merkinnällä ”[poistettu]” raportin kentistä, toimenpide-ehdotuksista ja tapahtumahistorian kommenteista. Tapahtumahistoriaan kirjataan, että tietoja poistettiin, kuka poisti ja miksi, mutta ei poistettua tekstiä.',
  'privacy.redact.reportId': 'Raportin tunnus',
  'privacy.redact.reportIdHelp': 'Raportin osoitteen viimeinen osa, esimerkiksi …/reports/3f2a…',
  'privacy.redact.fragment': 'Poistettava teksti',
  'privacy.redact.fragmentHelp':
    'Kirjoita teksti täsmälleen sellaisena kuin se on raportissa. Jokainen esiintymä poistetaan.',
  'privacy.redact.reason': 'Peruste (pakollinen)',
  'privacy.redact.reasonHelp': 'Peruste näkyy raportin tapahtumahistoriassa. Älä toista siinä poistettavaa tekstiä.',
  'privacy.redact.submit': 'Poista teksti',
  'privacy.redact.done':
    'Teksti poistettiin raportista ”{title}” {count, plural, one {# kohdasta} other {# kohdasta}}. Poisto ja sen peruste kirjattiin tapahtumahistoriaan.',
  'privacy.redact.failed': 'Tekstiä ei poistettu. Korjaa merkityt kohdat; kirjoittamasi teksti on tallessa.',
  'privacy.redact.reportIdInvalid': 'Anna raportin tunnus osoitteen lopusta.',
  'privacy.redact.fragmentRequired': 'Kirjoita poistettava teksti.',
  'privacy.redact.reasonRequired': 'Kirjoita peruste poistolle.',
  'privacy.redact.notFound': 'Organisaatiossasi ei ole raporttia tällä tunnuksella.',
  'privacy.redact.nothingFound': 'Tekstiä ei löytynyt raportista sellaisenaan; mitään ei muutettu.',
  'privacy.redact.reasonIdentifying':
    'Perusteessa näyttää olevan asiakkaan tunnistetietoja. Kirjoita peruste yleisesti.',
} as const

type Catalog = Record<keyof typeof fi, string>

export const privacyMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'privacy.finding.inField': '”{fragment}” ser ut att vara {kind}. Ta bort eller generalisera det.',
    'privacy.autosave.notSaved':
      'Utkastet sparades INTE, eftersom det verkar innehålla uppgifter som kan identifiera en klient (de är markerade under fälten). Ingenting sparas förrän du tar bort dem. Det du skrivit finns kvar i formuläret.',

    'privacy.flaggedDrafts.title': 'Dina utkast innehåller uppgifter som kan identifiera en klient',
    'privacy.flaggedDrafts.help':
      'De här utkasten sparades innan det blev omöjligt att spara identifierande uppgifter. Öppna varje utkast och ta bort de markerade ställena.',

    'privacy.admin.nav': 'Borttagning av uppgifter',
    'privacy.admin.title': 'Borttagning av identifierande uppgifter ur rapporter',
    'privacy.admin.drafts.title': 'Utkast med identifierande uppgifter',
    'privacy.admin.drafts.help':
      'De här utkasten sparades innan det blev omöjligt att spara identifierande uppgifter. Rapportören ser dem på sidan Mina rapporter och kan rätta dem själv. De funna ställena visas bara för rapportören.',
    'privacy.admin.drafts.empty': 'Inget utkast innehåller funna identifierande uppgifter.',
    'privacy.admin.drafts.report': 'Utkast',
    'privacy.admin.drafts.author': 'Rapportör',
    'privacy.admin.drafts.findingCount': 'Fynd',
    'privacy.admin.drafts.redact': 'Ta bort uppgifter ur utkastet ”{title}”',

    'privacy.redact.title': 'Ta bort uppgifter ur en rapports text',
    'privacy.redact.help':
      'Texten ersätts med ”[poistettu]” i rapportens fält, åtgärdsförslag och händelsehistorikens kommentarer. I händelsehistoriken antecknas att uppgifter togs bort, av vem och varför, men inte den borttagna texten.',
    'privacy.redact.reportId': 'Rapportens id',
    'privacy.redact.reportIdHelp': 'Den sista delen av rapportens adress, till exempel …/reports/3f2a…',
    'privacy.redact.fragment': 'Text som tas bort',
    'privacy.redact.fragmentHelp': 'Skriv texten exakt som den står i rapporten. Varje förekomst tas bort.',
    'privacy.redact.reason': 'Motivering (obligatorisk)',
    'privacy.redact.reasonHelp': 'Motiveringen syns i rapportens händelsehistorik. Upprepa inte texten som tas bort.',
    'privacy.redact.submit': 'Ta bort texten',
    'privacy.redact.done':
      'Texten togs bort ur rapporten ”{title}” på {count, plural, one {# ställe} other {# ställen}}. Borttagningen och motiveringen antecknades i händelsehistoriken.',
    'privacy.redact.failed': 'Texten togs inte bort. Rätta de markerade fälten; det du skrivit finns kvar.',
    'privacy.redact.reportIdInvalid': 'Ange rapportens id från slutet av adressen.',
    'privacy.redact.fragmentRequired': 'Skriv texten som ska tas bort.',
    'privacy.redact.reasonRequired': 'Skriv en motivering till borttagningen.',
    'privacy.redact.notFound': 'Din organisation har ingen rapport med detta id.',
    'privacy.redact.nothingFound': 'Texten fanns inte i rapporten i exakt den formen; ingenting ändrades.',
    'privacy.redact.reasonIdentifying':
      'Motiveringen verkar innehålla uppgifter som kan identifiera en klient. Skriv motiveringen i allmänna ordalag.',
  },
  en: {
    'privacy.finding.inField': '“{fragment}” looks like {kind}. Remove or generalise it.',
    'privacy.autosave.notSaved':
      'The draft was NOT saved, because it seems to contain data that could identify a client (marked under the fields). Nothing is saved until you remove it. What you typed is still in the form.',

    'privacy.flaggedDrafts.title': 'Your drafts contain data that could identify a client',
    'privacy.flaggedDrafts.help':
      'These drafts were saved before identifying data was refused. Open each draft and remove the marked parts.',

    'privacy.admin.nav': 'Removing data',
    'privacy.admin.title': 'Removing identifying data from reports',
    'privacy.admin.drafts.title': 'Drafts holding identifying data',
    'privacy.admin.drafts.help':
      'These drafts were saved before identifying data was refused. Their reporters see them on My reports and can fix them themselves. Only the reporter sees what was found.',
    'privacy.admin.drafts.empty': 'No draft holds identifying data that was found.',
    'privacy.admin.drafts.report': 'Draft',
    'privacy.admin.drafts.author': 'Reporter',
    'privacy.admin.drafts.findingCount': 'Findings',
    'privacy.admin.drafts.redact': 'Remove data from the draft “{title}”',

    'privacy.redact.title': 'Remove data from a report’s text',
    'privacy.redact.help':
      'The text is replaced with “[poistettu]” in the report’s fields, its proposed actions and the comments of its history. The history records that data was removed, by whom and why, but not the removed text.',
    'privacy.redact.reportId': 'Report id',
    'privacy.redact.reportIdHelp': 'The last part of the report’s address, for example …/reports/3f2a…',
    'privacy.redact.fragment': 'Text to remove',
    'privacy.redact.fragmentHelp': 'Type the text exactly as it is in the report. Every occurrence is removed.',
    'privacy.redact.reason': 'Reason (required)',
    'privacy.redact.reasonHelp': 'The reason is shown in the report’s history. Do not repeat the removed text in it.',
    'privacy.redact.submit': 'Remove the text',
    'privacy.redact.done':
      'The text was removed from the report “{title}” in {count, plural, one {# place} other {# places}}. The removal and its reason were recorded in the history.',
    'privacy.redact.failed': 'The text was not removed. Fix the marked fields; what you typed is kept.',
    'privacy.redact.reportIdInvalid': 'Give the report id from the end of its address.',
    'privacy.redact.fragmentRequired': 'Type the text to remove.',
    'privacy.redact.reasonRequired': 'Type a reason for the removal.',
    'privacy.redact.notFound': 'Your organisation has no report with this id.',
    'privacy.redact.nothingFound': 'The text was not found in the report as typed; nothing was changed.',
    'privacy.redact.reasonIdentifying':
      'The reason seems to contain data that could identify a client. Write the reason in general terms.',
  },
}
