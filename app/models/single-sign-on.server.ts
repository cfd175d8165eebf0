import { type AppDb } from '#app/utils/db.server.ts'
import { normaliseEmail } from './user.server.ts'

/** The user a provider's subject was linked to, if it ever was. */
export async function findIdentityUser(db: AppDb, issuer: string, subject: string) {
  return db
    .selectFrom('user_identities')
    .select('user_id')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst()
}

/** A user an admin added under this address, unless their account was removed. */
export async function findUserByEmail(db: AppDb, email: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where('email', '=', normaliseEmail(email))
    .where('removed_at', 'is', null)
    .executeTakeFirst()
}

export async function linkIdentity(
  db: AppDb,
  identity: { issuer: string; subject: string; userId: string; email: string },
  now: Date,
) {
  await db
    .insertInto('user_identities')
    .values({
      issuer: identity.issuer,
      subject: identity.subject,
      user_id: identity.userId,
      email: normaliseEmail(identity.email),
      last_used_at: now,
    })
    .execute()
}

/** Stamps the identity's last sign-in and keeps the address the provider last vouched for. */
export async function touchIdentity(
  db: AppDb,
  identity: { issuer: string; subject: string; email: string },
  now: Date,
) {
  await db
    .updateTable('user_identities')
    .set({ last_used_at: now, email: normaliseEmail(identity.email) })
    .where('issuer', '=', identity.issuer)
    .where('subject', '=', identity.subject)
    .execute()
}

export async function hasLinkedIdentity(db: AppDb, userId: string): Promise<boolean> {
  const row = await db.selectFrom('user_identities').select('user_id').where('user_id', '=', userId).executeTakeFirst()
  return Boolean(row)
}

export async function getPasswordLogin(db: AppDb, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('password_login')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return row.password_login
}

export async function setPasswordLogin(db: AppDb, organisationId: string, allowed: boolean) {
  await db.updateTable('organisations').set({ password_login: allowed }).where('id', '=', organisationId).execute()
}
