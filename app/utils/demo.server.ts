import { type Role } from '#app/domain/roles.ts'

/** Shown on the login page in demo mode only, and used by the demo seed. */
export const demoPassword = 'demo-salasana'

export const demoAccounts: { email: string; name: string; roles: Role[]; team: string | null }[] = [
  { email: 'tyontekija@demo.example', name: 'Tiina Työntekijä', roles: ['worker'], team: 'Aikuissosiaalityö, Vaasa' },
  {
    email: 'sosiaaliohjaaja@demo.example',
    name: 'Sanna Sosiaaliohjaaja',
    roles: ['worker'],
    team: 'Nuorten palvelut, Mustasaari',
  },
  {
    email: 'palveluohjaaja@demo.example',
    name: 'Paavo Palveluohjaaja',
    roles: ['worker'],
    team: 'Ikääntyneiden palvelut, Närpiö',
  },
  {
    email: 'tiiminvetaja@demo.example',
    name: 'Timo Tiiminvetäjä',
    roles: ['team_lead'],
    team: 'Aikuissosiaalityö, Vaasa',
  },
  { email: 'koordinaattori@demo.example', name: 'Kaisa Koordinaattori', roles: ['coordinator'], team: null },
  { email: 'lautakunta@demo.example', name: 'Leena Lautakunnanjäsen', roles: ['committee_member'], team: null },
  { email: 'paakayttaja@demo.example', name: 'Pekka Pääkäyttäjä', roles: ['admin'], team: null },
  // A client council's secretary: sends the council's views and follows what became of them (ADR 039).
  { email: 'osallistuja@demo.example', name: 'Outi Osallistuja', roles: ['contributor'], team: null },
]
