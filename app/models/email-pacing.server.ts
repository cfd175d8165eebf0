import { sql } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'

/**
 * Takes the turn to call the email provider now if it has come, for every worker process alike through one row:
 * the update moves the row one gap past this moment only if its time has passed, so two workers never take the
 * same turn. Taken just before the request leaves, a turn is never held by a worker that is still writing its
 * emails or has crashed. Returns 0 when the turn is this worker's, otherwise how many milliseconds remain until
 * the next one.
 */
export async function takeProviderTurn(db: AppDb, gapMs: number): Promise<number> {
  const taken = await db
    .updateTable('email_send_pacing')
    .set({ next_request_at: sql<Date>`clock_timestamp() + ${gapMs} * interval '1 millisecond'` })
    .where('next_request_at', '<=', sql<Date>`clock_timestamp()`)
    .returning('id')
    .executeTakeFirst()
  if (taken) return 0
  const next = await db
    .selectFrom('email_send_pacing')
    .select(sql<number>`(extract(epoch from next_request_at - clock_timestamp()) * 1000)::float8`.as('waitMs'))
    .executeTakeFirstOrThrow()
  return Math.max(1, Math.ceil(next.waitMs))
}
