import { committeeSeatRole } from './committees.ts'

export const roles = ['worker', 'team_lead', 'coordinator', 'committee_member', 'admin', 'contributor'] as const
export type Role = (typeof roles)[number]

/**
 * An expert by experience, a client council's secretary or a partner professional: someone outside the staff who
 * sends views and follows what became of them, and sees nothing else (ADR 039). The role is given alone.
 */
export const contributorRole = 'contributor' as const satisfies Role

/** Whether the user is a contributor, limited to the contributor's own pages, whatever else the route offers. */
export function isContributor(user: { roles: readonly Role[] }): boolean {
  return user.roles.includes(contributorRole)
}

/** The addresses a contributor may open: their own pages, signing out and choosing a language. */
export const contributorPaths = ['/contribute', '/logout', '/language'] as const

export function contributorMayOpen(pathname: string): boolean {
  return contributorPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`))
}

export function hasAnyRole(userRoles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => userRoles.includes(role))
}

/** The roles that write reports of their own: they get "New report" and see "My reports" at /reports. */
export const reportWriterRoles = ['worker', 'team_lead'] as const satisfies readonly Role[]

export function writesReports(userRoles: readonly Role[]): boolean {
  return hasAnyRole(userRoles, reportWriterRoles)
}

// What the main navigation offers lives here, beside no schema, so the header's script never carries zod (ADR 029).

/** The roles whose main navigation offers the follow-up board; a responsible person of any role reaches it by its address. */
export const followUpBoardRoles = ['coordinator', 'team_lead'] as const satisfies readonly Role[]

export function offersFollowUpBoard(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, followUpBoardRoles)
}

/** Coordinators plan meetings and prepare their agendas. */
export const meetingPreparerRole = 'coordinator' as const satisfies Role

/** Everyone who may open the meetings pages at all; what each of them sees is narrowed by `meetingReadScope`. */
export const meetingReaderRoles = [meetingPreparerRole, committeeSeatRole] as const satisfies readonly Role[]

export function readsMeetings(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, meetingReaderRoles)
}

/** The committee dashboard: the figures decision-makers read, and those who prepare them. */
export const dashboardReaderRoles = ['committee_member', 'coordinator', 'admin'] as const satisfies readonly Role[]

/** Workers and team leads read the dashboard too, counting only their own teams' reports (statisticsTeamScope). */
export const dashboardRoles = [...dashboardReaderRoles, 'worker', 'team_lead'] as const satisfies readonly Role[]

/** Who opens the phenomena pages: their readers, and workers in a worker's view (shared-picture.ts); no zod here. */
export const phenomenaPageRoles = [
  'team_lead',
  'coordinator',
  'committee_member',
  'admin',
  'worker',
] as const satisfies readonly Role[]
