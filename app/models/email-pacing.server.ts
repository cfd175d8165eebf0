import { sql } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'

/**
 * Takes the next turn to call the email provider, shared by every worker process through one row: the row moves on
 * by one gap per turn in a single atomic update, so turns never overlap however many workers ask at once. Returns
 * how many milliseconds to wait before the turn comes.
 */
export async function takeProviderTurn(db: AppDb, gapMs: number): Promise<number> {
  const turn = await db
    .updateTable('email_send_pacing')
    .set({
      next_request_at: sql<Date>`greatest(next_request_at, clock_timestamp()) + ${gapMs} * interval '1 millisecond'`,
    })
    .returning(
      sql<number>`(extract(epoch from next_request_at - clock_timestamp()) * 1000 - ${gapMs})::float8`.as('waitMs'),
    )
    .executeTakeFirstOrThrow()
  return Math.max(0, turn.waitMs)
}
