/**
 * A person may work in several organisations with one account. What signs them in (password, name they are known
 * by, invitation links) is theirs alone once any other organisation also relies on it: an admin of one organisation
 * who could set it could sign in as them and read the other organisation's data.
 */
export function adminMayChangeCredentials(activeMembershipsElsewhere: number): boolean {
  return activeMembershipsElsewhere === 0
}

export type RemovalRefusal = 'self' | 'member_elsewhere'

/**
 * Removing a departed person's personal data empties the one account every organisation shares, so it is for an
 * organisation the person works in alone; elsewhere the admin ends only their own organisation's membership.
 */
export function removalRefusal(
  actorId: string,
  person: { id: string; activeMembershipsElsewhere: number },
): RemovalRefusal | null {
  if (actorId === person.id) return 'self'
  if (person.activeMembershipsElsewhere > 0) return 'member_elsewhere'
  return null
}

/**
 * What a removed account's email becomes: unique (the column is), under the reserved `.invalid` domain so no mail can
 * ever be delivered to it, and naming nobody.
 */
export function removedAccountEmail(userId: string): string {
  return `removed-${userId}@removed.invalid`
}

/**
 * Which of an admin's edits would change what is the person's own: their name (others know them by it in every
 * organisation) or their password. Roles, teams and membership stay the admin's to change.
 */
export function credentialChangesRefused(
  person: { name: string; activeMembershipsElsewhere: number },
  changes: { name: string; password?: string | null },
): ('name' | 'password')[] {
  if (adminMayChangeCredentials(person.activeMembershipsElsewhere)) return []
  return [
    ...(changes.name.trim() !== person.name ? (['name'] as const) : []),
    ...(changes.password ? (['password'] as const) : []),
  ]
}
