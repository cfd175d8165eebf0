import { sql } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'

export async function findLoginAttempts(db: AppDb, keys: string[]) {
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', 'failures', 'last_failure_at'])
    .where('key', 'in', keys)
    .execute()
  return rows.map((row) => ({ key: row.key, failures: row.failures, lastFailureAt: row.last_failure_at }))
}

export async function recordLoginFailure(db: AppDb, keys: string[]) {
  for (const key of keys) {
    await db
      .insertInto('login_attempts')
      .values({ key, failures: 1, last_failure_at: new Date() })
      .onConflict((oc) =>
        // A quiet hour forgives earlier failures, so a shared office address is not locked out for good.
        oc.column('key').doUpdateSet({
          failures: sql`case when login_attempts.last_failure_at < now() - interval '1 hour' then 1
                         else login_attempts.failures + 1 end`,
          last_failure_at: new Date(),
        }),
      )
      .execute()
  }
}

export async function clearLoginFailures(db: AppDb, keys: string[]) {
  await db.deleteFrom('login_attempts').where('key', 'in', keys).execute()
}
