import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loader as healthLoader } from '#app/routes/healthz.ts'
import { isDatabaseUnavailable } from '#app/utils/database-availability.server.ts'
import {
  createPglite,
  getDb,
  isAppDatabaseHealthy,
  migrateToLatest,
  openEmbeddedDatabase,
  type OpenDatabase,
  setDb,
  wrapPglite,
} from '#app/utils/db.server.ts'
import { createMunicipality, createOrganisation } from '#tests/factories/index.ts'

// `npm start`'s default: the embedded database in a data folder, which runs in a thread of its own.
describe('the embedded database in its own thread', () => {
  let dataDir: string
  let embedded: OpenDatabase

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sr-thread-'))
    embedded = await openEmbeddedDatabase(dataDir, 'thread test')
    await migrateToLatest(embedded.db)
  })

  afterAll(async () => {
    await embedded?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('rolls back a transaction that fails, and keeps one that succeeds', async () => {
    const kept = await embedded.db.transaction().execute((trx) => createOrganisation(trx, 'Pidetty alue'))
    await expect(
      embedded.db.transaction().execute(async (trx) => {
        await createOrganisation(trx, 'Peruttu alue')
        throw new Error('something later in the use case failed')
      }),
    ).rejects.toThrow('something later in the use case failed')
    const names = await embedded.db
      .selectFrom('organisations')
      .select('name')
      .where('name', 'in', ['Pidetty alue', 'Peruttu alue'])
      .execute()
    expect(names).toEqual([{ name: kept.name }])
  })

  test("hands on PostgreSQL's error code and constraint, as the database in this thread does", async () => {
    const organisation = await createOrganisation(embedded.db)
    await createMunicipality(embedded.db, organisation.id, 'Vaasa')
    const failure = await createMunicipality(embedded.db, organisation.id, 'Vaasa').catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    expect(failure).toMatchObject({ code: '23505', constraint: 'municipalities_organisation_id_name_key' })
  })

  test('returns dates, times, counts, JSON, arrays and bytes exactly as the database in this thread does', async () => {
    const query = sql`
      select timestamptz '2026-03-01 12:30:45.123+02' as at, date '2026-03-01' as day, count(*) as count,
        jsonb_build_object('need', 'housing', 'counts', array[1, 2]) as details, array['fi', 'sv'] as languages,
        '\\x00ff10'::bytea as bytes, null::text as nothing
      from generate_series(1, 3)`
    const inThisThread = wrapPglite(createPglite(), 'in this thread')
    try {
      const expected = (await query.execute(inThisThread.db)).rows
      expect((await query.execute(embedded.db)).rows).toEqual(expected)
      expect(expected).toEqual([
        {
          at: new Date('2026-03-01T10:30:45.123Z'),
          day: '2026-03-01',
          count: 3,
          details: { need: 'housing', counts: [1, 2] },
          languages: ['fi', 'sv'],
          bytes: new Uint8Array([0, 255, 16]),
          nothing: null,
        },
      ])
    } finally {
      await inThisThread.close()
    }
  })

  test('lets the server answer, /healthz included, while a long query runs', async () => {
    const testsDatabase = getDb()
    setDb(embedded.db, embedded.isHealthy)
    try {
      const answered: string[] = []
      const longQuery = sql`select pg_sleep(1)`.execute(embedded.db).then(() => answered.push('the long query'))
      await new Promise((resolve) => setTimeout(resolve, 50))
      answered.push('a timer')
      const health = (await healthLoader()) as Response
      answered.push(`/healthz ${health.status}`)
      await longQuery
      expect(answered).toEqual(['a timer', '/healthz 200', 'the long query'])
    } finally {
      setDb(testsDatabase)
    }
  })
})

describe('a closed embedded database', () => {
  test('turns queries into 503 and /healthz into unhealthy', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sr-thread-'))
    const testsDatabase = getDb()
    try {
      const closed = await openEmbeddedDatabase(dataDir, 'thread test')
      await closed.close()
      const failure = await sql`select 1`.execute(closed.db).catch((error: unknown) => error)
      expect(isDatabaseUnavailable(failure) && failure.status).toBe(503)
      setDb(closed.db, closed.isHealthy)
      expect(await isAppDatabaseHealthy()).toBe(false)
    } finally {
      setDb(testsDatabase)
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
