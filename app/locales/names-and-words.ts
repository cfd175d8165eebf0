/**
 * Swedish forms of names and the words that say what the welfare report pages are, in every language. The Finnish
 * keys define the rest.
 */
const fi = {
  'names.swedishName': 'Nimi ruotsiksi (valinnainen)',
  'names.swedishNameOf': 'Nimi ruotsiksi: {name}',
  'names.welfareContribution': '{organisation}: sosiaalisen raportoinnin osuus hyvinvointikertomukseen',
}

type Messages = Record<keyof typeof fi, string>

const sv: Messages = {
  'names.swedishName': 'Namn på svenska (frivilligt)',
  'names.swedishNameOf': 'Namn på svenska: {name}',
  'names.welfareContribution': '{organisation}: den sociala rapporteringens bidrag till välfärdsberättelsen',
}

const en: Messages = {
  'names.swedishName': 'Name in Swedish (optional)',
  'names.swedishNameOf': 'Name in Swedish: {name}',
  'names.welfareContribution': '{organisation}: the social reporting contribution to the welfare report',
}

export const namesAndWordsMessages = { fi, sv, en }
