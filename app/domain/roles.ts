export const roles = ['worker', 'team_lead', 'coordinator', 'committee_member', 'admin'] as const
export type Role = (typeof roles)[number]

export function hasAnyRole(userRoles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => userRoles.includes(role))
}

/** The roles that write reports of their own: they get "New report" and see "My reports" at /reports. */
export const reportWriterRoles = ['worker', 'team_lead'] as const satisfies readonly Role[]

export function writesReports(userRoles: readonly Role[]): boolean {
  return hasAnyRole(userRoles, reportWriterRoles)
}
