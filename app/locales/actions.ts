/** The actions area's messages in every language; the Finnish keys define the rest (fi.ts spreads them in). */
const fi = {
  'actionOutcome.accepted': 'Hyväksytty',
  'actionOutcome.adapted': 'Sovellettu',
  'actionOutcome.rejected': 'Hylätty',
  'actionOutcome.done': 'Toteutettu',
  'actionOutcome.none': 'Ei vielä päätetty',

  'proposedActions.title': 'Toimenpide-ehdotukset',
  'proposedActions.empty': 'Toimenpide-ehdotuksia ei ole.',
  'proposedActions.phenomenonHelp':
    'Koordinaattori voi kirjata ilmiölle omia toimenpide-ehdotuksia. Niitä koskevista päätöksistä kerrotaan kaikkien ilmiöön liitettyjen raporttien raportoijille.',
  'proposedActions.outcomeLabel': 'Päätös',
  'proposedActions.decidedBy': 'Päätti {name} {date}',
  'proposedActions.reason': 'Perustelu',
  'proposedActions.field.reason': 'Perustelu',
  'proposedActions.field.description': 'Toimenpide-ehdotus',

  'proposedActions.record.open': 'Kirjaa päätös',
  'proposedActions.record.change': 'Muuta päätöstä',
  'proposedActions.record.legend': 'Päätös ehdotuksesta {number}',
  'proposedActions.record.reason': 'Perustelu (pakollinen)',
  'proposedActions.record.reasonHelp': 'Raportoija näkee perustelun. Älä kirjoita asiakkaan tunnistetietoja.',
  'proposedActions.record.submit': 'Tallenna päätös',
  'proposedActions.record.saved': 'Päätös on tallennettu. Raportoija saa tiedon.',
  'proposedActions.record.savedPhenomenon':
    'Päätös on tallennettu. Ilmiöön liitettyjen raporttien raportoijat saavat tiedon.',
  'proposedActions.record.failed': 'Päätöstä ei tallennettu. Korjaa merkityt kohdat; kirjoittamasi teksti on tallessa.',

  'proposedActions.add.title': 'Lisää ilmiölle toimenpide-ehdotus',
  'proposedActions.add.description': 'Toimenpide-ehdotus',
  'proposedActions.add.level': 'Kuka voisi toimia',
  'proposedActions.add.submit': 'Lisää toimenpide-ehdotus',
  'proposedActions.add.saved': 'Toimenpide-ehdotus on lisätty.',
  'proposedActions.add.failed':
    'Toimenpide-ehdotusta ei lisätty. Korjaa merkityt kohdat; kirjoittamasi teksti on tallessa.',

  'proposedActions.validation.outcomeRequired': 'Valitse päätös.',
  'proposedActions.validation.reasonRequired': 'Kirjoita perustelu: raportoija näkee sen.',
  'proposedActions.validation.descriptionRequired': 'Kirjoita toimenpide-ehdotus.',
  'proposedActions.validation.levelRequired': 'Valitse, kuka voisi toimia.',
  'proposedActions.validation.identifying':
    'Tekstissä on tietoja, joista asiakkaan voi tunnistaa. Poista tai yleistä ne.',
} as const

type Catalog = Record<keyof typeof fi, string>

export const actionsMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'actionOutcome.accepted': 'Godkänt',
    'actionOutcome.adapted': 'Anpassat',
    'actionOutcome.rejected': 'Avslaget',
    'actionOutcome.done': 'Genomfört',
    'actionOutcome.none': 'Inte beslutat ännu',

    'proposedActions.title': 'Förslag till åtgärder',
    'proposedActions.empty': 'Det finns inga förslag till åtgärder.',
    'proposedActions.phenomenonHelp':
      'Koordinatorn kan föra in egna åtgärdsförslag för fenomenet. Om besluten om dem får rapportörerna till alla rapporter som är kopplade till fenomenet besked.',
    'proposedActions.outcomeLabel': 'Beslut',
    'proposedActions.decidedBy': 'Beslutat av {name} {date}',
    'proposedActions.reason': 'Motivering',
    'proposedActions.field.reason': 'Motivering',
    'proposedActions.field.description': 'Åtgärdsförslag',

    'proposedActions.record.open': 'För in beslut',
    'proposedActions.record.change': 'Ändra beslutet',
    'proposedActions.record.legend': 'Beslut om förslag {number}',
    'proposedActions.record.reason': 'Motivering (obligatorisk)',
    'proposedActions.record.reasonHelp':
      'Rapportören ser motiveringen. Skriv inga uppgifter som kan identifiera en klient.',
    'proposedActions.record.submit': 'Spara beslutet',
    'proposedActions.record.saved': 'Beslutet har sparats. Rapportören får besked.',
    'proposedActions.record.savedPhenomenon':
      'Beslutet har sparats. Rapportörerna till rapporterna som är kopplade till fenomenet får besked.',
    'proposedActions.record.failed': 'Beslutet sparades inte. Rätta de markerade punkterna; din text finns kvar.',

    'proposedActions.add.title': 'Lägg till ett åtgärdsförslag för fenomenet',
    'proposedActions.add.description': 'Åtgärdsförslag',
    'proposedActions.add.level': 'Vem kunde agera',
    'proposedActions.add.submit': 'Lägg till åtgärdsförslaget',
    'proposedActions.add.saved': 'Åtgärdsförslaget har lagts till.',
    'proposedActions.add.failed':
      'Åtgärdsförslaget lades inte till. Rätta de markerade punkterna; din text finns kvar.',

    'proposedActions.validation.outcomeRequired': 'Välj ett beslut.',
    'proposedActions.validation.reasonRequired': 'Skriv en motivering: rapportören ser den.',
    'proposedActions.validation.descriptionRequired': 'Skriv ett åtgärdsförslag.',
    'proposedActions.validation.levelRequired': 'Välj vem som kunde agera.',
    'proposedActions.validation.identifying':
      'Texten innehåller uppgifter som kan identifiera en klient. Ta bort eller generalisera dem.',
  },
  en: {
    'actionOutcome.accepted': 'Accepted',
    'actionOutcome.adapted': 'Adapted',
    'actionOutcome.rejected': 'Rejected',
    'actionOutcome.done': 'Done',
    'actionOutcome.none': 'Not decided yet',

    'proposedActions.title': 'Proposed actions',
    'proposedActions.empty': 'There are no proposed actions.',
    'proposedActions.phenomenonHelp':
      'A coordinator can add proposed actions of their own to the phenomenon. The reporters of every report linked to the phenomenon are told of the decisions on them.',
    'proposedActions.outcomeLabel': 'Decision',
    'proposedActions.decidedBy': 'Decided by {name} on {date}',
    'proposedActions.reason': 'Reason',
    'proposedActions.field.reason': 'Reason',
    'proposedActions.field.description': 'Proposed action',

    'proposedActions.record.open': 'Record a decision',
    'proposedActions.record.change': 'Change the decision',
    'proposedActions.record.legend': 'Decision on proposal {number}',
    'proposedActions.record.reason': 'Reason (required)',
    'proposedActions.record.reasonHelp':
      'The reporter sees the reason. Do not write anything that identifies a client.',
    'proposedActions.record.submit': 'Save the decision',
    'proposedActions.record.saved': 'The decision has been saved. The reporter will be told.',
    'proposedActions.record.savedPhenomenon':
      'The decision has been saved. The reporters of the reports linked to the phenomenon will be told.',
    'proposedActions.record.failed': 'The decision was not saved. Correct the marked points; your text is kept.',

    'proposedActions.add.title': 'Add a proposed action to the phenomenon',
    'proposedActions.add.description': 'Proposed action',
    'proposedActions.add.level': 'Who could act',
    'proposedActions.add.submit': 'Add the proposed action',
    'proposedActions.add.saved': 'The proposed action has been added.',
    'proposedActions.add.failed': 'The proposed action was not added. Correct the marked points; your text is kept.',

    'proposedActions.validation.outcomeRequired': 'Choose a decision.',
    'proposedActions.validation.reasonRequired': 'Write a reason: the reporter will see it.',
    'proposedActions.validation.descriptionRequired': 'Write the proposed action.',
    'proposedActions.validation.levelRequired': 'Choose who could act.',
    'proposedActions.validation.identifying':
      'The text contains data that could identify a client. Remove or generalise it.',
  },
}
