import { type CommitteeRole } from '#app/domain/committees.ts'
import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import {
  type CommitteeMemberOutcome,
  deleteCommitteeMember,
  listCommitteeCandidates,
  listCommitteesWithMembers,
  saveCommitteeMember,
} from '#app/models/committee.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type FieldErrors } from '#app/utils/forms.ts'
import { type ServiceResult } from './result.ts'

type CommitteeAdmin = Pick<CurrentUser, 'roles' | 'organisation'>

/** The organisation's committees with their members, and the users who may be seated. */
export async function listCommitteesForAdmin(admin: CommitteeAdmin) {
  const db = getDb()
  const [committees, candidates] = await Promise.all([
    listCommitteesWithMembers(db, admin.organisation.id),
    listCommitteeCandidates(db, admin.organisation.id),
  ])
  return { committees, candidates }
}

export type SeatChange =
  | { intent: 'add' | 'changeRole'; committeeId: string; userId: string; role: CommitteeRole }
  | { intent: 'remove'; committeeId: string; userId: string }

/** Outcomes the admin can fix in the form; the rest mean the committee or seat is not in this organisation. */
const fixable: Partial<Record<CommitteeMemberOutcome, FieldErrors>> = {
  notEligible: { userId: 'admin.committees.notEligible' },
  alreadyMember: { userId: 'admin.committees.alreadyMember' },
  twoChairs: { role: 'admin.committees.twoChairs' },
}

/** Seats a member, changes a member's role or removes a member; at most one chair per committee. */
export async function changeCommitteeSeat(admin: CommitteeAdmin, input: SeatChange): Promise<ServiceResult> {
  if (!canAdministerOrganisation(admin.roles)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const organisationId = admin.organisation.id
  if (input.intent === 'remove') {
    return (await deleteCommitteeMember(db, organisationId, input)) ? { ok: true } : { ok: false, reason: 'not_found' }
  }
  const mode = input.intent === 'add' ? 'add' : 'change'
  const outcome = await db.transaction().execute((trx) => saveCommitteeMember(trx, organisationId, { ...input, mode }))
  if (outcome === 'saved') return { ok: true }
  const fieldErrors = fixable[outcome]
  return fieldErrors ? { ok: false, reason: 'invalid', fieldErrors } : { ok: false, reason: 'not_found' }
}
