import { beforeAll, describe, expect, test } from 'vitest'
import { createMunicipality, createOrganisation, createReport, createUser } from '#tests/factories/index.ts'
import {
  type AgeBand,
  ageBands,
  type ClientGroup,
  clientGroups,
  type Gender,
  genders,
  type SupportNeed,
  supportNeeds,
} from '#app/domain/report-fields.ts'
import {
  type CountRow,
  type StatisticsDimension,
  statisticsDimensions,
  type StatisticsFilter,
} from '#app/domain/statistics.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { computeReportStatistics } from '#app/models/statistics.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/** The raw rows the test keeps beside the database, to compute every figure a second, independent way. */
interface RawReport {
  status: ReportStatus
  submittedAt: Date | null
  positive: boolean
  municipality: string | null
  supportNeeds: SupportNeed[]
  clientGroups: ClientGroup[]
  ageBands: AgeBand[]
  genders: Gender[]
  firstFeedbackAt: Date | null
}

let organisationId: string
const raw: RawReport[] = []

/** A small deterministic generator, so a failure can be reproduced. */
function generator(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

function pick<T>(random: () => number, values: readonly T[], most: number): T[] {
  return values.filter(() => random() < most / values.length)
}

beforeAll(async () => {
  const db = getDb()
  const random = generator(7)
  const organisation = await createOrganisation(db)
  organisationId = organisation.id
  const other = await createOrganisation(db)
  const author = await createUser(db, { organisationId, roles: ['worker'] })
  const lead = await createUser(db, { organisationId, roles: ['team_lead'] })
  const outsider = await createUser(db, { organisationId: other.id, roles: ['worker'] })
  const municipalities = [
    await createMunicipality(db, organisationId, 'Kuopio'),
    await createMunicipality(db, organisationId, 'Siilinjärvi'),
    await createMunicipality(db, organisationId, 'Iisalmi'),
  ]
  const statuses: ReportStatus[] = ['submitted', 'in_review', 'forwarded', 'decided', 'closed', 'withdrawn', 'draft']
  for (let index = 0; index < 160; index++) {
    const status = statuses[Math.floor(random() * statuses.length)]!
    // Spread over 2025–2026, with some exactly at midnight in Finland to test the period's edges.
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 730) * 86_400_000)
    const submittedAt =
      status === 'draft' ? null : new Date(day.getTime() - (index % 5 === 0 ? 2 : 1) * 3_600_000 + index * 1000)
    const municipality = random() < 0.15 ? null : municipalities[Math.floor(random() * municipalities.length)]!
    const report: RawReport = {
      status,
      submittedAt,
      positive: random() < 0.3,
      municipality: municipality?.name ?? null,
      supportNeeds: pick(random, supportNeeds, 2),
      clientGroups: pick(random, clientGroups, 1.5),
      ageBands: pick(random, ageBands, 1.5),
      genders: pick(random, genders, 1.2),
      firstFeedbackAt: null,
    }
    const created = await createReport(db, {
      organisation_id: organisationId,
      author_id: author.id,
      status,
      submitted_at: submittedAt,
      positive: report.positive,
      municipality_id: municipality?.id ?? null,
      support_needs: report.supportNeeds,
      client_groups: report.clientGroups,
      age_bands: report.ageBands,
      genders: report.genders,
    })
    if (submittedAt && random() < 0.6) {
      // The author's own step and an event before the submission never count as feedback.
      const events = [
        { actor: author.id, at: submittedAt.getTime() + 3_600_000 },
        { actor: lead.id, at: submittedAt.getTime() - 3_600_000 },
        { actor: lead.id, at: submittedAt.getTime() + Math.floor(random() * 40) * 43_200_000 + 60_000 },
        { actor: lead.id, at: submittedAt.getTime() + 60 * 86_400_000 },
      ]
      for (const event of events) {
        await db
          .insertInto('report_events')
          .values({
            report_id: created.id,
            organisation_id: organisationId,
            actor_id: event.actor,
            type: 'status_changed',
            created_at: new Date(event.at),
          })
          .execute()
      }
      report.firstFeedbackAt = new Date(events[2]!.at)
    }
    raw.push(report)
  }
  // Another organisation's report in the same period never counts.
  await createReport(db, {
    organisation_id: other.id,
    author_id: outsider.id,
    status: 'submitted',
    submitted_at: new Date('2025-06-01T09:00:00Z'),
    support_needs: ['housing'],
  })
})

const finnishDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' })

function inPeriod(report: RawReport, filter: StatisticsFilter): boolean {
  if (!report.submittedAt || report.status === 'draft' || report.status === 'withdrawn') return false
  const day = finnishDate.format(report.submittedAt)
  if (day < filter.from || day > filter.to) return false
  if (filter.category && !report.supportNeeds.includes(filter.category)) return false
  return true
}

function tally(keys: (string | null)[]): Map<string | null, number> {
  const counts = new Map<string | null, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

function keysOf(report: RawReport, dimension: StatisticsDimension): (string | null)[] {
  switch (dimension) {
    case 'category':
      return report.supportNeeds
    case 'clientGroup':
      return report.clientGroups
    case 'ageBand':
      return report.ageBands
    case 'gender':
      return report.genders
    case 'municipality':
      return [report.municipality]
    case 'quarter': {
      const [year, month] = finnishDate.format(report.submittedAt!).split('-').map(Number) as [number, number]
      return [`${year}-Q${Math.ceil(month / 3)}`]
    }
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = (sorted.length - 1) / 2
  const value = (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2
  return Math.round(value * 10) / 10
}

function asMap(rows: CountRow[]) {
  return new Map(rows.map((row) => [row.key, row.count]))
}

const filters: StatisticsFilter[] = [
  { from: '2025-01-01', to: '2026-12-31', category: null, municipalityId: null },
  { from: '2025-04-01', to: '2025-09-30', category: null, municipalityId: null },
  { from: '2025-01-01', to: '2026-12-31', category: 'housing', municipalityId: null },
]

describe('statistics computed in SQL equal the same figures computed from the raw rows', () => {
  test.each(filters)('period $from – $to, category $category', async (filter) => {
    const statistics = await computeReportStatistics(getDb(), organisationId, filter)
    const counted = raw.filter((report) => inPeriod(report, filter))
    expect(counted.length).toBeGreaterThan(10)
    expect(statistics.total).toBe(counted.length)
    expect(statistics.positive).toBe(counted.filter((report) => report.positive).length)
    expect(statistics.negative).toBe(counted.filter((report) => !report.positive).length)
    const answered = counted.filter((report) => report.firstFeedbackAt)
    expect(statistics.withFeedback).toBe(answered.length)
    expect(statistics.medianDaysToFeedback).toBe(
      median(
        answered.map((report) => (report.firstFeedbackAt!.getTime() - report.submittedAt!.getTime()) / 86_400_000),
      ),
    )
    for (const dimension of statisticsDimensions) {
      expect(asMap(statistics.byDimension[dimension]), dimension).toEqual(
        tally(counted.flatMap((report) => keysOf(report, dimension))),
      )
    }
  })

  test('quarters come in time order and fixed lists in the form order', async () => {
    const statistics = await computeReportStatistics(getDb(), organisationId, filters[0]!)
    const quarters = statistics.byDimension.quarter.map((row) => row.key!)
    expect(quarters).toEqual([...quarters].sort())
    const bands = statistics.byDimension.ageBand.map((row) => row.key)
    expect(bands).toEqual(ageBands.filter((band) => bands.includes(band)))
  })

  test('a report submitted just before midnight in Finland belongs to that day, not the next', async () => {
    const db = getDb()
    const organisation = await createOrganisation(db)
    const author = await createUser(db, { organisationId: organisation.id, roles: ['worker'] })
    // 23:30 on 31 March in Finland (UTC+3 in summer time) is 20:30 UTC.
    const report = await createReport(db, {
      organisation_id: organisation.id,
      author_id: author.id,
      status: 'submitted',
      submitted_at: new Date('2026-03-31T20:30:00Z'),
    })
    const { statistics_key } = await db
      .selectFrom('reports')
      .select('statistics_key')
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow()
    const march = await computeReportStatistics(db, organisation.id, {
      from: '2026-03-01',
      to: '2026-03-31',
      category: null,
      municipalityId: null,
    })
    expect(march.total).toBe(1)
    // A cell of one report has that report's key as its cell key.
    expect(march.byDimension.quarter).toEqual([{ key: '2026-Q1', count: 1, cellKey: statistics_key }])
    expect(march.cellKeys.total).toBe(statistics_key)
  })
})
