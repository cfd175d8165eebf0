/**
 * Similar reports while writing one, and the writer's word that one of them is the same phenomenon, as the writer
 * and the team lead see it. The Finnish keys define the rest.
 */
const fi = {
  'similar.opensInNewTab': '(avautuu uuteen välilehteen)',
  'similar.notOpenable': 'et voi avata tätä raporttia',
  'similar.same': 'Tämä on sama ilmiö',
  'similar.same.label': 'Tämä on sama ilmiö: {title}',
  'similar.markedSame': 'Merkitsit samaksi ilmiöksi.',
  'similar.notSame': 'Ei sittenkään sama',
  'similar.notSame.label': 'Ei sittenkään sama: {title}',
  'similar.marks.title': 'Merkitsit saman ilmiön raporteiksi',
  'similar.saved.marked':
    'Luonnos tallennettu, ja raportti merkitty samaksi ilmiöksi. Tiimin vetäjä näkee merkinnän käsitellessään raporttia.',
  'similar.saved.unmarked': 'Luonnos tallennettu, ja merkintä samasta ilmiöstä poistettu.',
  'similar.saved.unavailable':
    'Luonnos tallennettu, mutta raporttia ei voitu merkitä samaksi ilmiöksi: se ei ole enää haettavissa.',
  'similar.report.title': 'Raportoijan mukaan sama ilmiö kuin',
  'similar.report.help': 'Raportoija merkitsi nämä raportit samaksi ilmiöksi kirjoittaessaan.',
  'similar.report.link': 'Liitä samaan ilmiöön: {phenomenon}',
  'similar.report.linked': 'Liitetty samaan ilmiöön: {phenomenon}',
  'similar.report.noPhenomenon': 'Ei vielä liitetty ilmiöön.',
} as const

type Catalog = Record<keyof typeof fi, string>

export const similarReportsMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'similar.opensInNewTab': '(öppnas i en ny flik)',
    'similar.notOpenable': 'du kan inte öppna den här rapporten',
    'similar.same': 'Detta är samma fenomen',
    'similar.same.label': 'Detta är samma fenomen: {title}',
    'similar.markedSame': 'Du markerade den som samma fenomen.',
    'similar.notSame': 'Ändå inte samma',
    'similar.notSame.label': 'Ändå inte samma: {title}',
    'similar.marks.title': 'Du markerade de här rapporterna som samma fenomen',
    'similar.saved.marked':
      'Utkastet har sparats och rapporten markerats som samma fenomen. Teamledaren ser markeringen när rapporten behandlas.',
    'similar.saved.unmarked': 'Utkastet har sparats och markeringen om samma fenomen har tagits bort.',
    'similar.saved.unavailable':
      'Utkastet har sparats, men rapporten kunde inte markeras som samma fenomen: den går inte längre att söka fram.',
    'similar.report.title': 'Enligt rapportören samma fenomen som',
    'similar.report.help': 'Rapportören markerade de här rapporterna som samma fenomen medan rapporten skrevs.',
    'similar.report.link': 'Koppla till samma fenomen: {phenomenon}',
    'similar.report.linked': 'Kopplad till samma fenomen: {phenomenon}',
    'similar.report.noPhenomenon': 'Inte ännu kopplad till ett fenomen.',
  },
  en: {
    'similar.opensInNewTab': '(opens in a new tab)',
    'similar.notOpenable': 'you cannot open this report',
    'similar.same': 'This is the same phenomenon',
    'similar.same.label': 'This is the same phenomenon: {title}',
    'similar.markedSame': 'You marked it as the same phenomenon.',
    'similar.notSame': 'Not the same after all',
    'similar.notSame.label': 'Not the same after all: {title}',
    'similar.marks.title': 'You marked these reports as the same phenomenon',
    'similar.saved.marked':
      'The draft is saved and the report marked as the same phenomenon. Your team lead sees the mark when reviewing the report.',
    'similar.saved.unmarked': 'The draft is saved and the mark of the same phenomenon removed.',
    'similar.saved.unavailable':
      'The draft is saved, but the report could not be marked as the same phenomenon: it can no longer be looked up.',
    'similar.report.title': 'The reporter says this is the same phenomenon as',
    'similar.report.help': 'The reporter marked these reports as the same phenomenon while writing.',
    'similar.report.link': 'Link to the same phenomenon: {phenomenon}',
    'similar.report.linked': 'Linked to the same phenomenon: {phenomenon}',
    'similar.report.noPhenomenon': 'Not yet linked to a phenomenon.',
  },
}
