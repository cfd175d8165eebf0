import { sql } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'

/**
 * Runs the task on one connection that holds a PostgreSQL advisory lock on the name meanwhile; anyone asking for
 * the same name waits until the task is done. The lock belongs to the session, not to a transaction, so the task
 * may run transactions of its own on the connection it is given.
 */
export function withAdvisoryLock<T>(db: AppDb, name: string, task: (connection: AppDb) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${name}))`.execute(connection)
    try {
      return await task(connection)
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(connection)
    }
  })
}
