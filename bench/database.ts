import pg from 'pg'
import { migrateToLatest, openServerDatabase, type OpenDatabase, redactDatabaseUrl } from '#app/utils/db.server.ts'

export const benchDatabaseName = 'sr_bench'

export class DatabaseUnreachableError extends Error {}

/** The same server as `adminUrl`, but the bench's own database (or a step's own, when it runs alone). */
export function benchDatabaseUrl(adminUrl: string, name = benchDatabaseName): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** A fresh, empty bench database on every run, so each run measures the same data. */
export async function recreateBenchDatabase(adminUrl: string, name = benchDatabaseName): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new DatabaseUnreachableError(
      `Cannot reach the PostgreSQL server at ${redactDatabaseUrl(adminUrl)} (${reason}). ` +
        'Start it, or point BENCH_DATABASE_URL at a server where this user may create databases.',
    )
  }
  try {
    await client.query(`drop database if exists ${name} with (force)`)
    await client.query(`create database ${name}`)
  } finally {
    await client.end()
  }
}

/** Opens the bench database and gives it the app's real schema through the app's own migrations. */
export async function openMigratedBenchDatabase(url: string): Promise<OpenDatabase> {
  const database = openServerDatabase(url)
  await migrateToLatest(database.db)
  return database
}
