import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { demoReportCount } from '#db/seed.ts'
import { createPglite, type AppDb, openServerDatabase, wrapPglite } from '#app/utils/db.server.ts'
import { prepareDatabase } from '#app/utils/startup.server.ts'
import { runScript } from '#tests/process.ts'
import { serverUrlFor } from '#tests/setup/test-database.ts'

async function countRows(db: AppDb, table: 'organisations' | 'reports') {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow()
  return row.count
}

describe('preparing the embedded database', () => {
  test('two preparations at once migrate and seed once', { timeout: 120_000 }, async () => {
    const database = wrapPglite(createPglite(), 'in-memory PGlite')
    try {
      const results = await Promise.all([
        prepareDatabase(database.db, { seedDemo: true }),
        prepareDatabase(database.db, { seedDemo: true }),
      ])
      expect(results.map((result) => result.seeded).sort()).toEqual([false, true])
      expect(results.map((result) => result.applied.length > 0).sort()).toEqual([false, true])
      expect(await countRows(database.db, 'organisations')).toBe(1)
    } finally {
      await database.close()
    }
  })
})

const serverUrl = process.env.TEST_DATABASE_URL

describe.runIf(serverUrl)('instances starting together on one empty PostgreSQL database', () => {
  const created: string[] = []

  async function admin(statement: string) {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }

  async function emptyDatabaseUrl() {
    const name = `sr_startup_${randomUUID().replaceAll('-', '')}`
    await admin(`create database ${name}`)
    created.push(name)
    return serverUrlFor(serverUrl!, name)
  }

  async function countsIn(url: string) {
    const database = openServerDatabase(url)
    try {
      return {
        organisations: await countRows(database.db, 'organisations'),
        reports: await countRows(database.db, 'reports'),
      }
    } finally {
      await database.close()
    }
  }

  afterAll(async () => {
    for (const name of created) await admin(`drop database if exists ${name} with (force)`)
  })

  test('both prepare the database; the demo data is written once', { timeout: 120_000 }, async () => {
    const url = await emptyDatabaseUrl()
    const instances = [openServerDatabase(url), openServerDatabase(url)]
    try {
      const results = await Promise.all(instances.map(({ db }) => prepareDatabase(db, { seedDemo: true })))
      expect(results.map((result) => result.seeded).sort()).toEqual([false, true])
    } finally {
      await Promise.all(instances.map((instance) => instance.close()))
    }
    expect(await countsIn(url)).toEqual({ organisations: 1, reports: demoReportCount })
  })

  test('two `npm run db:seed` processes at once both succeed and seed once', { timeout: 180_000 }, async () => {
    const url = await emptyDatabaseUrl()
    const runs = await Promise.all([1, 2].map(() => runScript('db/seed-cli.ts', [], { DATABASE_URL: url })))
    for (const run of runs) {
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    }
    expect(runs.filter((run) => run.stdout.includes('Demo data written'))).toHaveLength(1)
    expect(runs.filter((run) => run.stdout.includes('already has data'))).toHaveLength(1)
    expect(await countsIn(url)).toEqual({ organisations: 1, reports: demoReportCount })
  })
})
