import { type Role } from './roles.ts'

/** An admin may not take away their own admin role or deactivate themselves: someone must be able to undo it. */
export function locksOutSelf(
  actorId: string,
  targetId: string,
  changes: { roles: readonly Role[]; active: boolean },
): boolean {
  return actorId === targetId && (!changes.active || !changes.roles.includes('admin'))
}

/** Who manages the organisation's users and committee seats. */
export function canAdministerOrganisation(roles: readonly Role[]): boolean {
  return roles.includes('admin')
}
