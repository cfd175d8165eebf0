/** Merkitty tiedoksi, päätetty toimenpiteistä, palautettu valmisteluun, pöydälle. */
export const agendaDecisions = ['noted', 'decided', 'returned', 'tabled'] as const
export type AgendaDecision = (typeof agendaDecisions)[number]
