/**
 * Accountable access and personal data in every language: redaction, the audit log, single sign-on, several
 * organisations and a person's own data. The Finnish keys define the rest; each area adds its own keys here.
 */
const fi = {
  'redaction.placeholder': '[poistettu]',
  'timeline.textRedacted': 'Tekstistä poistettiin tietoja',
  'email.event.text_redacted': '{actor} poisti raportin tekstistä tietoja.',
} as const

type Catalog = Record<keyof typeof fi, string>

export const accessMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'redaction.placeholder': '[borttaget]',
    'timeline.textRedacted': 'Uppgifter togs bort ur texten',
    'email.event.text_redacted': '{actor} tog bort uppgifter ur rapportens text.',
  },
  en: {
    'redaction.placeholder': '[removed]',
    'timeline.textRedacted': 'Information was removed from the text',
    'email.event.text_redacted': '{actor} removed information from the report’s text.',
  },
}
