import { type AppDb } from '#app/utils/db.server.ts'

export async function createSession(
  db: AppDb,
  session: { id: string; userId: string; organisationId: string; expiresAt: Date },
) {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      organisation_id: session.organisationId,
      expires_at: session.expiresAt,
    })
    .execute()
}

export async function extendSession(db: AppDb, id: string, expiresAt: Date) {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute()
}

export async function deleteSession(db: AppDb, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

export async function deleteExpiredSessions(db: AppDb, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
}

export async function deleteUserSessions(db: AppDb, userId: string, organisationId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('organisation_id', '=', organisationId).execute()
}

/** Signs the user out in every organisation, except in the session given (the one that changed the password). */
export async function deleteSessionsOfUser(db: AppDb, userId: string, keepSessionId: string | null) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepSessionId) query = query.where('id', '!=', keepSessionId)
  await query.execute()
}
