import { type ReportStatus } from './report-status.ts'
import { type Role, writesReports } from './roles.ts'

/** Statuses a committee member may read: the report has reached a committee. */
export const committeeVisibleStatuses: readonly ReportStatus[] = ['on_agenda', 'decided', 'in_welfare_report']

export type ReportScope =
  { kind: 'organisation' } | { kind: 'limited'; ownReports: boolean; teamReports: boolean; committeeReports: boolean }

/**
 * Which of the organisation's reports a user may list. Coordinators and admins see the whole organisation
 * (but never someone else's draft);
 * others see their own reports, their teams' submitted reports (leads) and what reached committees (members).
 */
export function reportScopeFor(roles: readonly Role[]): ReportScope {
  if (roles.includes('coordinator') || roles.includes('admin')) return { kind: 'organisation' }
  return {
    kind: 'limited',
    ownReports: writesReports(roles),
    teamReports: roles.includes('team_lead'),
    committeeReports: roles.includes('committee_member'),
  }
}
