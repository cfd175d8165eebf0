import { type Role } from './roles.ts'

export const committeeRoles = ['chair', 'secretary', 'member'] as const
export type CommitteeRole = (typeof committeeRoles)[number]

/** Only users who hold this organisation role can sit on a committee. */
export const committeeSeatRole = 'committee_member' as const satisfies Role

export interface CommitteeSeat {
  userId: string
  role: CommitteeRole
}

/**
 * Whether giving `change.role` to `change.userId` would leave the committee with two chairs.
 * The member's own current seat does not count, so re-saving the chair as chair is allowed.
 */
export function wouldHaveTwoChairs(seats: readonly CommitteeSeat[], change: CommitteeSeat): boolean {
  if (change.role !== 'chair') return false
  return seats.some((seat) => seat.role === 'chair' && seat.userId !== change.userId)
}

export function canSitOnCommittee(member: { roles: readonly Role[]; active: boolean }): boolean {
  return member.active && member.roles.includes(committeeSeatRole)
}
