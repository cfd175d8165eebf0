/** The statistics' disclosure control messages in every language; the Finnish keys define the rest (fi.ts spreads them in). */
const fi = {
  'disclosure.dashboardNote':
    'Tunnusluvut julkaistaan kokonaiselta vuosineljännekseltä tai kalenterivuodelta, ja niihin on lisätty pieni kiinteä satunnaisvaihtelu (enintään ±2), jotta yksittäistä asiakasta tai työntekijää ei voi päätellä vertaamalla hakuja. Kynnystä pienempi luku näytetään muodossa ”<{threshold}”.',
  'disclosure.validation.period':
    'Valitse jakso saman kalenterivuoden sisältä: tunnusluvut julkaistaan vuosineljännekseltä tai koko vuodelta.',
} as const

type Catalog = Record<keyof typeof fi, string>

export const disclosureMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'disclosure.dashboardNote':
      'Siffrorna publiceras för ett helt kvartal eller kalenderår och har fått en liten fast slumpmässig variation (högst ±2), så att ingen enskild klient eller arbetstagare kan härledas genom att jämföra sökningar. Ett tal under tröskeln visas som ”<{threshold}”.',
    'disclosure.validation.period':
      'Välj en period inom samma kalenderår: siffrorna publiceras för ett kvartal eller ett helt år.',
  },
  en: {
    'disclosure.dashboardNote':
      'Figures are published for a whole calendar quarter or year and carry a small fixed random variation (at most ±2), so that no single client or worker can be worked out by comparing queries. A count below the threshold is shown as “<{threshold}”.',
    'disclosure.validation.period':
      'Choose a period within one calendar year: figures are published for a quarter or a whole year.',
  },
}
