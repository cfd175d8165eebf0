import { isDatabaseEmpty, seedDemoData } from '#db/seed.ts'
import { withAdvisoryLock } from '#app/models/advisory-lock.server.ts'
import { isDatabaseUnavailable } from './database-availability.server.ts'
import { type Env, EnvError, parseEnv } from './env.server.ts'
import { DataDirLockedError } from './data-dir-lock.server.ts'
import { type AppDb, migrateToLatest, openDatabase, type OpenDatabase } from './db.server.ts'

/** One clear line for each way a start can fail; never a stack trace for an expected failure. */
export function describeStartupError(failure: unknown, env?: Env): string {
  const error = isDatabaseUnavailable(failure) ? failure.cause : failure
  if (error instanceof EnvError || error instanceof DataDirLockedError) return error.message
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  if (
    env?.DATABASE_URL &&
    (code === 'ECONNREFUSED' ||
      code === 'ENOTFOUND' ||
      code === '3D000' ||
      code === '28P01' ||
      code === 'ETIMEDOUT' ||
      /connect/i.test(message))
  ) {
    return `Cannot reach the PostgreSQL server given in DATABASE_URL (${message}). Check that the server is running and the URL is right.`
  }
  return `Could not start: ${message}`
}

export function loadEnvOrExit(): Env {
  try {
    return parseEnv(process.env)
  } catch (error) {
    console.error(describeStartupError(error))
    process.exit(1)
  }
}

export interface Preparation {
  /** The migrations this preparation applied. */
  applied: string[]
  /** Whether it wrote the demo data. */
  seeded: boolean
}

/**
 * Brings the schema up to date and, when asked, writes the demo data into an empty database. Instances starting
 * at once on one database take turns under one lock, so the later one finds the schema and the data in place
 * instead of racing to create them twice.
 */
export function prepareDatabase(db: AppDb, { seedDemo }: { seedDemo: boolean }): Promise<Preparation> {
  return withAdvisoryLock(db, 'sosiaalinen-raportointi: migrations and demo seed', async (connection) => {
    const applied = await migrateToLatest(connection)
    const seeded = seedDemo && (await isDatabaseEmpty(connection))
    if (seeded) await seedDemoData(connection)
    return { applied, seeded }
  })
}

/** Opens the configured database and prepares it, closing it again if that fails. */
export async function openPreparedDatabase(
  env: Env,
  command: string,
  options: { seedDemo: boolean },
): Promise<OpenDatabase & Preparation> {
  const database = await openDatabase(env, command)
  try {
    return { ...database, ...(await prepareDatabase(database.db, options)) }
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
}

/** Runs a command-line task against the (not yet prepared) database, exiting 1 with one clear line on failure. */
export async function runCli(command: string, task: (database: OpenDatabase, env: Env) => Promise<void>) {
  const env = loadEnvOrExit()
  let database: OpenDatabase | undefined
  try {
    database = await openDatabase(env, command)
    await task(database, env)
    await database.close()
  } catch (error) {
    await database?.close().catch(() => {})
    console.error(describeStartupError(error, env))
    process.exit(1)
  }
}
