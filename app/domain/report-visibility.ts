import { type ReportStatus } from './report-status.ts'
import { hasAnyRole, type Role, writesReports } from './roles.ts'

/**
 * Statuses in which a committee member may read a report that reached a committee they sit on (as the agendas:
 * a seat, not the role alone, opens a committee's reports).
 */
export const committeeVisibleStatuses: readonly ReportStatus[] = ['on_agenda', 'decided', 'in_welfare_report']

export type ReportScope =
  { kind: 'organisation' } | { kind: 'limited'; ownReports: boolean; teamReports: boolean; committeeReports: boolean }

/**
 * Which of the organisation's reports a user may list. Coordinators and admins see the whole organisation
 * (but never someone else's draft);
 * others see their own reports, their teams' submitted reports (leads) and what reached the committees they sit on
 * (members; the seats are checked where the reports are read).
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

/** Those who see their teams' or the whole organisation's submitted reports in the review queue. */
const reviewQueueRoles = ['team_lead', 'coordinator'] as const satisfies readonly Role[]

/**
 * Where the reports a user's home page counts in one status are listed: the review queue for those who review
 * (drafts are only ever one's own, so those stay in "My reports"), otherwise the report list.
 */
export function reportListPath(roles: readonly Role[], status: ReportStatus): string {
  const reviews = hasAnyRole(roles, reviewQueueRoles) && status !== 'draft'
  return `${reviews ? '/review' : '/reports'}?status=${status}`
}

/** The home page's "all reports" link: a lead's team's reports are in the review queue, a worker's own in the list. */
export function allReportsLink(roles: readonly Role[]): { path: string; label: 'own' | 'team' | 'all' } {
  if (roles.includes('team_lead')) return { path: '/review', label: 'team' }
  return { path: '/reports', label: writesReports(roles) ? 'own' : 'all' }
}
