import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { expect, test } from 'vitest'
import { createPglite, wrapPglite } from '#app/utils/db.server.ts'
import { migrationProvider } from './index.ts'

test('reports tagged with the old first need of 11 § carry its right code afterwards', async () => {
  const { db, close } = wrapPglite(createPglite(), 'migration test')
  try {
    const migrator = new Migrator({ db, provider: migrationProvider })
    expect((await migrator.migrateTo('0006-follow-through')).error).toBeUndefined()
    await sql`insert into organisations (id, name, slug) values ('00000000-0000-4000-8000-000000000001', 'A', 'a')`.execute(
      db,
    )
    await sql`insert into users (id, email, name) values ('00000000-0000-4000-8000-000000000002', 'a@example.fi', 'A')`.execute(
      db,
    )
    await sql`insert into reports (organisation_id, author_id, title, support_needs)
      values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'R',
        '{care_and_subsistence,housing}')`.execute(db)
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    const { rows } = await sql<{ support_needs: string[] }>`select support_needs from reports`.execute(db)
    expect(rows.map((row) => row.support_needs)).toEqual([['daily_living', 'housing']])
  } finally {
    await close()
  }
})
