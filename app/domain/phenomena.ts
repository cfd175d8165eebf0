import { type Role } from './roles.ts'
import { type Actor } from './report-status.ts'

export const phenomenonReaders: readonly Role[] = ['team_lead', 'coordinator', 'committee_member', 'admin']

/** Team leads group their own teams' reports; coordinators group any report of the organisation. */
export function canLinkToPhenomenon(actor: Actor, reportStatus: string): boolean {
  if (reportStatus === 'draft' || reportStatus === 'withdrawn') return false
  return (actor.roles.includes('team_lead') && actor.leadsReportTeam) || actor.roles.includes('coordinator')
}
