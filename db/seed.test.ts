import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { roles } from '#app/domain/roles.ts'
import { getDb } from '#app/utils/db.server.ts'
import { demoAccounts, demoPassword } from '#app/utils/demo.server.ts'
import { login } from '#app/utils/auth.server.ts'
import { isDatabaseEmpty, seedDemoData } from './seed.ts'

test('the demo seed builds one organisation with its people and about 40 reports', async () => {
  const db = getDb()
  expect(await isDatabaseEmpty(db)).toBe(true)
  await seedDemoData(db)
  expect(await isDatabaseEmpty(db)).toBe(false)

  const count = async (table: 'organisations' | 'municipalities' | 'teams' | 'reports') =>
    (
      await db
        .selectFrom(table)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n
  expect(await count('organisations')).toBe(1)
  expect(await count('municipalities')).toBe(3)
  expect(await count('teams')).toBe(3)
  expect(await count('reports')).toBe(40)

  const memberships = await db.selectFrom('memberships').select('roles').execute()
  for (const role of roles)
    expect(
      memberships.some((m) => m.roles.includes(role)),
      role,
    ).toBe(true)

  const reports = await db.selectFrom('reports').select(['status', 'title', 'team_id', 'support_needs']).execute()
  expect(new Set(reports.map((r) => r.status)).size).toBeGreaterThanOrEqual(8)
  expect(new Set(reports.map((r) => r.team_id)).size).toBe(3)
  expect(reports.every((r) => r.support_needs.length > 0)).toBe(true)
  expect(new Set(reports.map((r) => r.title)).size).toBe(40)

  // A meeting to prepare and publish, and this year's welfare report using the reports that reached it.
  const items = await db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select(['meetings.published_at', (eb) => eb.fn.countAll<number>().over().as('items')])
    .execute()
  expect(items).toEqual([{ published_at: null, items: 1 }])
  const included = await db
    .selectFrom('welfare_section_reports')
    .innerJoin('reports', 'reports.id', 'welfare_section_reports.report_id')
    .select('reports.status')
    .execute()
  expect(included.length).toBeGreaterThan(0)
  expect(included.every((row) => row.status === 'in_welfare_report')).toBe(true)

  for (const account of demoAccounts) {
    const result = await login(db, { email: account.email, password: demoPassword, clientIp: '192.0.2.9' })
    expect(result.ok, account.email).toBe(true)
  }
})
