import { type Env, EnvError, parseEnv } from './env.server.ts'
import { DataDirLockedError } from './data-dir-lock.server.ts'
import { migrateToLatest, openDatabase, type OpenDatabase } from './db.server.ts'

/** One clear line for each way a start can fail; never a stack trace for an expected failure. */
export function describeStartupError(error: unknown, env?: Env): string {
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

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(env: Env, command: string): Promise<OpenDatabase> {
  const database = await openDatabase(env, command)
  try {
    await migrateToLatest(database.db)
    return database
  } catch (error) {
    await database.close().catch(() => {})
    throw error
  }
}

/** Runs a command-line task against the (not yet migrated) database, exiting 1 with one clear line on failure. */
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
