import { type CommitteeRole } from '#app/domain/committees.ts'
import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import {
  type CommitteeMemberOutcome,
  deleteCommitteeMember,
  findCommitteeSeat,
  listCommitteeCandidates,
  listCommitteesWithMembers,
  saveCommitteeMember,
} from '#app/models/committee.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type FieldErrors } from '#app/utils/forms.ts'
import { type ServiceResult } from './result.ts'

type CommitteeAdmin = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

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
  const organisationId = admin.organisation.id
  const outcome = await getDb()
    .transaction()
    .execute(async (trx): Promise<CommitteeMemberOutcome | 'missingSeat'> => {
      const before = await findCommitteeSeat(trx, input.committeeId, input.userId)
      const changed =
        input.intent === 'remove'
          ? (await deleteCommitteeMember(trx, organisationId, input))
            ? 'saved'
            : 'missingSeat'
          : await saveCommitteeMember(trx, organisationId, {
              ...input,
              mode: input.intent === 'add' ? 'add' : 'change',
            })
      if (changed !== 'saved') return changed
      await recordAudit(trx, {
        organisationId,
        actorId: admin.id,
        action: 'committee_seat.changed',
        target: { type: 'committee', id: input.committeeId },
        details: {
          userId: input.userId,
          changes: { role: { before, after: input.intent === 'remove' ? null : input.role } },
        },
      })
      return 'saved'
    })
  if (outcome === 'saved') return { ok: true }
  const fieldErrors = outcome === 'missingSeat' ? undefined : fixable[outcome]
  return fieldErrors ? { ok: false, reason: 'invalid', fieldErrors } : { ok: false, reason: 'not_found' }
}
