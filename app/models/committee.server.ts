import { sql, type Transaction } from 'kysely'
import { canSitOnCommittee, type CommitteeRole, committeeSeatRole, wouldHaveTwoChairs } from '#app/domain/committees.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'

/** Whether the committee belongs to the organisation: an id from a form or the API is trusted no further. */
export async function committeeExists(db: AppDb, organisationId: string, committeeId: string): Promise<boolean> {
  const committee = await db
    .selectFrom('committees')
    .select('id')
    .where('id', '=', committeeId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return committee !== undefined
}

/** The organisation's committees, each with its members (chair first, then secretary, then by name). */
export async function listCommitteesWithMembers(db: AppDb, organisationId: string) {
  const [committees, members] = await Promise.all([
    db
      .selectFrom('committees')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('committee_members')
      .innerJoin('committees', 'committees.id', 'committee_members.committee_id')
      .innerJoin('users', 'users.id', 'committee_members.user_id')
      .select(['committee_members.committee_id', 'committee_members.user_id', 'committee_members.role', 'users.name'])
      .where('committees.organisation_id', '=', organisationId)
      .orderBy(sql`array_position(array['chair', 'secretary', 'member'], committee_members.role)`)
      .orderBy('users.name')
      .execute(),
  ])
  return committees.map((committee) => ({
    ...committee,
    members: members
      .filter((member) => member.committee_id === committee.id)
      .map(({ user_id, name, role }) => ({ userId: user_id, name, role })),
  }))
}

/** Active users of the organisation who hold the committee member role: the only ones who may be added. */
export function listCommitteeCandidates(db: AppDb, organisationId: string) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.active', '=', true)
    .where(sql<boolean>`${committeeSeatRole} = any(memberships.roles)`)
    .orderBy('users.name')
    .execute()
}

export type CommitteeMemberOutcome =
  'saved' | 'missingCommittee' | 'notEligible' | 'alreadyMember' | 'notMember' | 'twoChairs'

/**
 * Adds a member (`mode: 'add'`) or changes a member's role (`mode: 'change'`).
 * The committee row is locked, in the caller's transaction, so two admins cannot both seat a chair at once.
 */
export async function saveCommitteeMember(
  trx: Transaction<Database>,
  organisationId: string,
  input: { committeeId: string; userId: string; role: CommitteeRole; mode: 'add' | 'change' },
): Promise<CommitteeMemberOutcome> {
  const committee = await trx
    .selectFrom('committees')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', input.committeeId)
    .forUpdate()
    .executeTakeFirst()
  if (!committee) return 'missingCommittee'
  const seats = await trx
    .selectFrom('committee_members')
    .select(['user_id as userId', 'role'])
    .where('committee_id', '=', committee.id)
    .execute()
  const seated = seats.some((seat) => seat.userId === input.userId)
  if (input.mode === 'change' && !seated) return 'notMember'
  if (input.mode === 'add') {
    if (seated) return 'alreadyMember'
    const membership = await trx
      .selectFrom('memberships')
      .select(['roles', 'active'])
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', input.userId)
      .executeTakeFirst()
    if (!membership || !canSitOnCommittee(membership)) return 'notEligible'
  }
  if (wouldHaveTwoChairs(seats, { userId: input.userId, role: input.role })) return 'twoChairs'
  if (input.mode === 'add') {
    await trx
      .insertInto('committee_members')
      .values({ committee_id: committee.id, user_id: input.userId, role: input.role })
      .execute()
  } else {
    await trx
      .updateTable('committee_members')
      .set({ role: input.role })
      .where('committee_id', '=', committee.id)
      .where('user_id', '=', input.userId)
      .execute()
  }
  return 'saved'
}

/** Returns false when the committee is not in this organisation or the user does not sit on it. */
export async function deleteCommitteeMember(
  db: AppDb,
  organisationId: string,
  input: { committeeId: string; userId: string },
): Promise<boolean> {
  const deleted = await db
    .deleteFrom('committee_members')
    .where('committee_id', '=', input.committeeId)
    .where('user_id', '=', input.userId)
    .where('committee_id', 'in', (eb) =>
      eb.selectFrom('committees').select('id').where('organisation_id', '=', organisationId),
    )
    .returning('user_id')
    .executeTakeFirst()
  return Boolean(deleted)
}

/** The seat the user holds in this committee, if any. */
export async function findCommitteeSeat(db: AppDb, committeeId: string, userId: string): Promise<CommitteeRole | null> {
  const seat = await db
    .selectFrom('committee_members')
    .select('role')
    .where('committee_id', '=', committeeId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return seat?.role ?? null
}
