import path from 'node:path'
import { type PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import pg from 'pg'
import { migrationProvider } from '#db/migrations/index.ts'
import { type Database } from '#app/models/database.ts'
import { acquireDataDirLock } from './data-dir-lock.server.ts'
import { availabilityAwareDialect } from './database-availability.server.ts'
import { DATE_OID, keepDateText } from './pglite.server.ts'
import { PgliteInWorker } from './pglite-thread.server.ts'

export { createPglite } from './pglite.server.ts'

export type AppDb = Kysely<Database>

export interface OpenDatabase {
  db: AppDb
  close: () => Promise<void>
  description: string
  /** What /healthz asks: whether the database is there to take queries. */
  isHealthy: () => Promise<boolean>
}

const INT8_OID = 20
// Dates stay 'YYYY-MM-DD' strings on both back ends as PGlite keeps them; counts become numbers as in PGlite.
pg.types.setTypeParser(DATE_OID, keepDateText)
pg.types.setTypeParser(INT8_OID, (value: string) => Number.parseInt(value, 10))

export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the configured DATABASE_URL'
  }
}

function ignoreClientError() {
  // The query in flight already rejects and the pool drops the broken client; without a listener Node would end the process.
}

export function openServerDatabase(databaseUrl: string): OpenDatabase {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000, keepAlive: true })
  // A server restart or a network blink must not end the process: idle clients report here and are replaced.
  pool.on('error', (error) =>
    console.error(`Lost an idle database connection (${error.message}); it will be replaced.`),
  )
  pool.on('connect', (client) => client.on('error', ignoreClientError))
  const db = new Kysely<Database>({ dialect: availabilityAwareDialect(new PostgresDialect({ pool })) })
  return {
    db,
    close: () => db.destroy(),
    description: redactDatabaseUrl(databaseUrl),
    isHealthy: () => isDatabaseHealthy(db),
  }
}

/** PGlite in this thread (tests' in-memory copies) or in its own thread (a data folder). */
export function wrapPglite(pglite: PGlite | PgliteInWorker, description: string, onClose = () => {}): OpenDatabase {
  const db = new Kysely<Database>({ dialect: availabilityAwareDialect(new PGliteDialect({ pglite })) })
  return {
    db,
    description,
    close: async () => {
      await db.destroy()
      if (!pglite.closed) await pglite.close()
      onClose()
    },
    // A query would wait behind every query queued on the one connection; the thread's state answers at once.
    isHealthy: pglite instanceof PgliteInWorker ? async () => pglite.ready : () => isDatabaseHealthy(db),
  }
}

/**
 * Opens the embedded database in DATA_DIR/pglite, holding the folder's lock until closed. It runs in a thread of
 * its own, so that a long query holds up only the queries queued behind it, not every request the server answers.
 */
export async function openEmbeddedDatabase(dataDir: string, command: string): Promise<OpenDatabase> {
  const release = acquireDataDirLock(dataDir, command)
  const folder = path.join(dataDir, 'pglite')
  let pglite: PgliteInWorker | undefined
  try {
    pglite = new PgliteInWorker(folder)
    await pglite.waitReady
    return wrapPglite(pglite, `embedded PostgreSQL in ${folder}`, release)
  } catch (error) {
    await pglite?.close().catch(() => {})
    release()
    throw error
  }
}

export async function openDatabase(
  env: { DATABASE_URL?: string; DATA_DIR: string },
  command: string,
): Promise<OpenDatabase> {
  return env.DATABASE_URL ? openServerDatabase(env.DATABASE_URL) : openEmbeddedDatabase(env.DATA_DIR, command)
}

export async function migrateToLatest(db: AppDb): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

export async function isDatabaseHealthy(db: AppDb): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}

// The server entry and the Remix bundle each load this module; the instance lives on globalThis so both share it.
const globalForDb = globalThis as typeof globalThis & {
  __appDb?: AppDb
  __appDbHealthCheck?: () => Promise<boolean>
}

/** Makes `db` the app's database; `isHealthy` is what /healthz asks, by default whether `db` answers a query. */
export function setDb(db: AppDb | undefined, isHealthy = db ? () => isDatabaseHealthy(db) : undefined) {
  globalForDb.__appDb = db
  globalForDb.__appDbHealthCheck = isHealthy
}

export function isAppDatabaseHealthy(): Promise<boolean> {
  const check = globalForDb.__appDbHealthCheck
  if (!check) throw new Error('The database has not been opened yet.')
  return check()
}

export function getDb(): AppDb {
  const db = globalForDb.__appDb
  if (!db) throw new Error('The database has not been opened yet.')
  return db
}
