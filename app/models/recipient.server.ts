import { sql, type Transaction } from 'kysely'
import { hasMembers, type RecipientInput } from '#app/domain/recipients.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'

function recipientsOf(db: AppDb, organisationId: string) {
  return db
    .selectFrom('recipients')
    .leftJoin('municipalities', 'municipalities.id', 'recipients.municipality_id')
    .select([
      'recipients.id',
      'recipients.kind',
      'recipients.name',
      'recipients.name_sv',
      'recipients.committee_id',
      'recipients.municipality_id',
      'municipalities.name as municipality_name',
      'recipients.contact_email',
      'recipients.locale',
      'recipients.archived_at',
    ])
    .where('recipients.organisation_id', '=', organisationId)
}

/** Every recipient of the organisation, archived ones included, each with the members who answer for it. */
export async function listRecipientsWithMembers(db: AppDb, organisationId: string) {
  const [recipients, members] = await Promise.all([
    recipientsOf(db, organisationId).orderBy('recipients.kind').orderBy('recipients.name').execute(),
    db
      .selectFrom('recipient_members')
      .innerJoin('recipients', 'recipients.id', 'recipient_members.recipient_id')
      .innerJoin('users', 'users.id', 'recipient_members.user_id')
      .select(['recipient_members.recipient_id', 'users.id', 'users.name', 'users.email'])
      .where('recipients.organisation_id', '=', organisationId)
      .orderBy('users.name')
      .execute(),
  ])
  return recipients.map((recipient) => ({
    ...recipient,
    members: members
      .filter((member) => member.recipient_id === recipient.id)
      .map(({ id, name, email }) => ({ id, name, email })),
  }))
}

/** The recipients a report or phenomenon may be sent to now: the organisation's, not archived. */
export function listActiveRecipients(db: AppDb, organisationId: string) {
  return recipientsOf(db, organisationId)
    .where('recipients.archived_at', 'is', null)
    .orderBy('recipients.kind')
    .orderBy('recipients.name')
    .execute()
}

/** Active users of the organisation: the only ones who may answer for one of its bodies. */
export function listActiveOrganisationUsers(db: AppDb, organisationId: string) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.active', '=', true)
    .orderBy('users.name')
    .execute()
}

/** A municipality id from a form is kept only when it is this organisation's. */
async function municipalityIsOwn(db: AppDb, organisationId: string, municipalityId: string | null) {
  if (municipalityId === null) return true
  const row = await db
    .selectFrom('municipalities')
    .select('id')
    .where('id', '=', municipalityId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return row !== undefined
}

export type RecipientWriteOutcome = 'saved' | 'missing' | 'foreignMunicipality'

function storedRecipient(input: RecipientInput) {
  return {
    kind: input.kind,
    name: input.name,
    name_sv: input.nameSv,
    municipality_id: input.municipalityId,
    contact_email: input.contactEmail,
    locale: input.locale,
  }
}

export async function createRecipient(
  db: AppDb,
  organisationId: string,
  input: RecipientInput,
): Promise<RecipientWriteOutcome> {
  if (!(await municipalityIsOwn(db, organisationId, input.municipalityId))) return 'foreignMunicipality'
  await db
    .insertInto('recipients')
    .values({ organisation_id: organisationId, ...storedRecipient(input) })
    .execute()
  return 'saved'
}

/** Changes a recipient the admin manages; a committee's recipient follows its committee and is never changed here. */
export async function updateRecipient(
  db: AppDb,
  organisationId: string,
  recipientId: string,
  input: RecipientInput,
): Promise<RecipientWriteOutcome> {
  if (!(await municipalityIsOwn(db, organisationId, input.municipalityId))) return 'foreignMunicipality'
  const updated = await db
    .updateTable('recipients')
    .set({ ...storedRecipient(input), updated_at: new Date() })
    .where('id', '=', recipientId)
    .where('organisation_id', '=', organisationId)
    .where('kind', '!=', 'committee')
    .returning('id')
    .executeTakeFirst()
  if (!updated) return 'missing'
  // Only the bodies that answer in the app keep members; a body turned into a partner answers by its link.
  if (!hasMembers(input.kind))
    await db.deleteFrom('recipient_members').where('recipient_id', '=', recipientId).execute()
  return 'saved'
}

/** Archives or restores a recipient the admin manages; false when there is none such in the organisation. */
export async function setRecipientArchived(
  db: AppDb,
  organisationId: string,
  recipientId: string,
  archived: boolean,
): Promise<boolean> {
  const updated = await db
    .updateTable('recipients')
    .set({ archived_at: archived ? sql<Date>`coalesce(archived_at, now())` : null, updated_at: new Date() })
    .where('id', '=', recipientId)
    .where('organisation_id', '=', organisationId)
    .where('kind', '!=', 'committee')
    .returning('id')
    .executeTakeFirst()
  return updated !== undefined
}

export type MemberChangeOutcome = 'saved' | 'missing' | 'notEligible'

/**
 * Adds a member to a body that answers in the app. The recipient row is locked in the caller's transaction while the
 * user's membership is checked, so a member is never added to a body that stopped having members meanwhile.
 */
export async function addRecipientMember(
  trx: Transaction<Database>,
  organisationId: string,
  change: { recipientId: string; userId: string },
): Promise<MemberChangeOutcome> {
  const recipient = await trx
    .selectFrom('recipients')
    .select('kind')
    .where('id', '=', change.recipientId)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst()
  if (!recipient || !hasMembers(recipient.kind)) return 'missing'
  const eligible = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', change.userId)
    .where('active', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('recipient_members')
            .select('user_id')
            .where('recipient_id', '=', change.recipientId)
            .where('user_id', '=', change.userId),
        ),
      ),
    )
    .executeTakeFirst()
  if (!eligible) return 'notEligible'
  await trx
    .insertInto('recipient_members')
    .values({ recipient_id: change.recipientId, user_id: change.userId })
    .execute()
  return 'saved'
}

/** False when the recipient is not the organisation's or the user is not its member. */
export async function deleteRecipientMember(
  db: AppDb,
  organisationId: string,
  change: { recipientId: string; userId: string },
): Promise<boolean> {
  const deleted = await db
    .deleteFrom('recipient_members')
    .where('recipient_id', '=', change.recipientId)
    .where('user_id', '=', change.userId)
    .where('recipient_id', 'in', (eb) =>
      eb.selectFrom('recipients').select('id').where('organisation_id', '=', organisationId),
    )
    .returning('user_id')
    .executeTakeFirst()
  return deleted !== undefined
}

/** The ids of the bodies the user answers for in this organisation. */
export async function listMembershipRecipientIds(db: AppDb, organisationId: string, userId: string) {
  const rows = await db
    .selectFrom('recipient_members')
    .innerJoin('recipients', 'recipients.id', 'recipient_members.recipient_id')
    .select('recipients.id')
    .where('recipients.organisation_id', '=', organisationId)
    .where('recipient_members.user_id', '=', userId)
    .execute()
  return rows.map((row) => row.id)
}

/** Recipients of the organisation among the given ids that may be sent to now, with what sending to them needs. */
export function findSendableRecipients(db: AppDb, organisationId: string, recipientIds: readonly string[]) {
  if (recipientIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('recipients')
    .select(['id', 'kind', 'name', 'contact_email', 'locale'])
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .where('id', 'in', recipientIds)
    .execute()
}

export type RecipientRow = Awaited<ReturnType<typeof listActiveRecipients>>[number]

/** Whether the user answers for any body of the organisation, so the sendings page has something for them. */
export async function answersForAnyRecipient(db: AppDb, organisationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('recipient_members')
    .innerJoin('recipients', 'recipients.id', 'recipient_members.recipient_id')
    .select('recipients.id')
    .where('recipients.organisation_id', '=', organisationId)
    .where('recipient_members.user_id', '=', userId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * The members of an internal body who hear by email that something was sent to it: active in the organisation, not
 * the sender, and not among those who chose no email.
 */
export function listMembersToTell(db: AppDb, organisationId: string, recipientId: string, senderId: string) {
  return db
    .selectFrom('recipient_members')
    .innerJoin('users', 'users.id', 'recipient_members.user_id')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select('users.id')
    .where('recipient_members.recipient_id', '=', recipientId)
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.active', '=', true)
    .where('users.email_delivery', '!=', 'none')
    .where('users.id', '!=', senderId)
    .orderBy('users.id')
    .execute()
}

/** One recipient as the admin edits it, for the audit log's before and after; undefined outside the organisation. */
export function findRecipientSettings(db: AppDb, organisationId: string, recipientId: string) {
  return db
    .selectFrom('recipients')
    .select([
      'kind',
      'name',
      'municipality_id as municipalityId',
      'contact_email as contactEmail',
      'locale',
      'archived_at',
    ])
    .where('id', '=', recipientId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}
