import { beforeAll, describe, expect, test } from 'vitest'
import { createMunicipality, createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { apiRequest, apiTokenFor } from '#tests/utils.ts'
import { maxNoise } from '#app/domain/disclosure-control.ts'
import { type SupportNeed } from '#app/domain/report-fields.ts'
import { type StatisticsDimension } from '#app/domain/statistics.ts'
import { ApiStatisticsSchema } from '#app/utils/api-schemas.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as statisticsApi from '#app/routes/api.v1.statistics.ts'

/**
 * The differencing attack the issue measured (187 requests, 31 counts below 5 recovered), run through the API as
 * an attacker would: overlapping periods × municipalities × categories × groupings, then every difference of
 * nested periods and every total minus the other municipalities, each narrowed by all the others.
 */

const threshold = 5
const municipalityNames = ['Kuopio', 'Siilinjärvi', 'Tuusniemi'] as const
type MunicipalityName = (typeof municipalityNames)[number]
const categories = ['housing', 'violence', 'financial'] as const satisfies readonly SupportNeed[]
type Category = (typeof categories)[number]

interface SeededReport {
  month: number
  municipality: MunicipalityName
  needs: SupportNeed[]
  teamIndex: number
}

/** A fixed pseudo-random sequence (mulberry32), so the organisation and its report keys are the same every run. */
function sequence(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Sixty reports over 2025: Kuopio busy all year, Siilinjärvi steady, Tuusniemi a handful; housing common, violence
 * rare (two in Tuusniemi in May, one in Kuopio in October), so many month-by-municipality cells hold 1–4.
 */
function seededReports(): SeededReport[] {
  const random = sequence(20251)
  const reports: SeededReport[] = []
  const add = (count: number, municipality: MunicipalityName, needs: SupportNeed[], months?: number[]) => {
    for (let index = 0; index < count; index++) {
      const month = months ? months[index % months.length]! : 1 + Math.floor(random() * 12)
      reports.push({ month, municipality, needs, teamIndex: reports.length % 3 === 0 ? 1 : 0 })
    }
  }
  add(24, 'Kuopio', ['housing'])
  add(8, 'Kuopio', ['financial', 'housing'])
  add(1, 'Kuopio', ['violence'], [10])
  add(12, 'Siilinjärvi', ['housing'])
  add(4, 'Siilinjärvi', ['financial'])
  add(2, 'Tuusniemi', ['violence'], [5])
  add(5, 'Tuusniemi', ['housing'], [2, 5, 5, 9, 11])
  add(4, 'Kuopio', ['financial'], [3, 3, 7, 12])
  return reports
}

const seeded = seededReports()
let municipalityIds: Record<MunicipalityName, string>
let tokens: { coordinator: string; worker: string; teamlessWorker: string }

/** The day 'YYYY-MM-DD' of 2025; the attacker asks for odd days, the API widens them to whole months. */
function day(month: number, dayOfMonth: number) {
  return `2025-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
}

async function statistics(query: Record<string, string>, token = tokens.coordinator) {
  const request = apiRequest(`/api/v1/statistics?${new URLSearchParams(query)}`, { token })
  const response = await statisticsApi.loader({ request, params: {}, context: { clientIp: '192.0.2.45' } } as never)
  const text = await response.text()
  expect(response.status, text).toBe(200)
  return ApiStatisticsSchema.parse(JSON.parse(text))
}

beforeAll(async () => {
  const db = getDb()
  const organisationId = (await createOrganisation(db)).id
  const entries = await Promise.all(
    municipalityNames.map(async (name) => [name, (await createMunicipality(db, organisationId, name)).id] as const),
  )
  municipalityIds = Object.fromEntries(entries) as Record<MunicipalityName, string>
  const teams = [
    await createTeam(db, organisationId, 'Aikuissosiaalityö'),
    await createTeam(db, organisationId, 'Perhetyö'),
  ]
  const author = await createUser(db, { organisationId, roles: ['worker'], teamIds: [teams[0]!.id] })
  const familyWorker = await createUser(db, { organisationId, roles: ['worker'], teamIds: [teams[1]!.id] })
  const teamless = await createUser(db, { organisationId, roles: ['team_lead'] })
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'] })
  tokens = {
    coordinator: await apiTokenFor(coordinator, organisationId),
    worker: await apiTokenFor(familyWorker, organisationId),
    teamlessWorker: await apiTokenFor(teamless, organisationId),
  }
  const keys = sequence(7)
  for (const [index, report] of seeded.entries()) {
    const { id } = await createReport(db, {
      organisation_id: organisationId,
      author_id: author.id,
      team_id: teams[report.teamIndex]!.id,
      status: 'submitted',
      submitted_at: new Date(`${day(report.month, 1 + (index % 27))}T10:00:00Z`),
      municipality_id: municipalityIds[report.municipality],
      support_needs: report.needs,
    })
    // Keys fixed for a reproducible run; in use each report gets a random one when it is stored.
    await db
      .updateTable('reports')
      .set({ statistics_key: Math.floor(keys() * 2147483647) } as never)
      .where('id', '=', id)
      .execute()
  }
})

/** What the attacker narrows down: the reports of some months (a bit mask), one municipality or all, one category or all. */
type Region = string
const regionOf = (months: number, municipality: MunicipalityName | null, category: Category | null): Region =>
  `${months}|${municipality ?? '*'}|${category ?? '*'}`
const monthsMask = (from: number, to: number) => ((1 << to) - 1) & ~((1 << (from - 1)) - 1)

/** One published count: the cell it counts (the published period's months) and its value, null when "<threshold". */
interface Observation {
  months: number
  /** The months the attacker asked for, before the API widened them. */
  asked: number
  municipality: MunicipalityName | null
  category: Category | null
  value: number | null
}

/** Every count a range of periods × filters × groupings gives, as the attacker collects them. */
async function collectObservations(
  ranges: [number, number][],
): Promise<{ observations: Observation[]; requests: number }> {
  const observations: Observation[] = []
  let requests = 0
  const ask = async (
    from: number,
    to: number,
    groupBy: StatisticsDimension,
    municipality: MunicipalityName | null,
    category: Category | null,
  ) => {
    requests += 1
    const figures = await statistics({
      from: day(from, 9),
      to: day(to, 21),
      groupBy,
      ...(municipality ? { municipalityId: municipalityIds[municipality] } : {}),
      ...(category ? { category } : {}),
    })
    const months = monthsMask(Number(figures.period.from.slice(5, 7)), Number(figures.period.to.slice(5, 7)))
    const asked = monthsMask(from, to)
    observations.push({ months, asked, municipality, category, value: figures.totals.total })
    for (const group of figures.groups) {
      if (groupBy === 'municipality' && !municipality) {
        observations.push({ months, asked, municipality: group.key as MunicipalityName, category, value: group.count })
      }
      if (groupBy === 'category' && !category && (categories as readonly string[]).includes(group.key ?? '')) {
        observations.push({ months, asked, municipality, category: group.key as Category, value: group.count })
      }
    }
  }
  for (const [from, to] of ranges) {
    await ask(from, to, 'municipality', null, null)
    for (const municipality of municipalityNames) await ask(from, to, 'category', municipality, null)
    await ask(from, to, 'municipality', null, 'violence')
  }
  return { observations, requests }
}

/**
 * What the attacker can be sure of, per region: the intersection of the bounds every derivation gives. A shown
 * count p means the truth lies within p ± noise and is at least the threshold, a sum or difference of n shown counts within ± n·noise; "<5"
 * means at most threshold − 1 + noise. A region pinned to one value from 1 to threshold − 1 is a count recovered.
 */
function recoveredSmallCounts(observations: readonly Observation[], noise: number) {
  const bounds = new Map<Region, { low: number; high: number }>()
  const narrow = (region: Region, low: number, high: number) => {
    const known = bounds.get(region) ?? { low: 0, high: Infinity }
    bounds.set(region, { low: Math.max(known.low, low), high: Math.min(known.high, high) })
  }
  const cell = new Map<Region, number | null>()
  for (const { months, municipality, category, value } of observations) {
    const region = regionOf(months, municipality, category)
    cell.set(region, value)
    if (value === null) narrow(region, 0, threshold - 1 + noise)
    else narrow(region, Math.max(threshold, value - noise), value + noise)
  }
  /** The total minus the other parts, when all of them are shown: the one part left over. */
  const leftOver = (total: Region, others: Region[], target: Region) => {
    const values = [total, ...others].map((region) => cell.get(region))
    if (values.some((value) => value === null || value === undefined)) return
    const rest = values[0]! - values.slice(1).reduce<number>((sum, value) => sum + value!, 0)
    narrow(target, rest - values.length * noise, rest + values.length * noise)
  }
  const shown = observations.filter((observation) => observation.value !== null)
  for (const outer of shown) {
    const regionWith = (months: number) => regionOf(months, outer.municipality, outer.category)
    // Differences of nested periods with the same filters: 36 − 35 = 1.
    for (const inner of shown) {
      if (outer.municipality !== inner.municipality || outer.category !== inner.category) continue
      if (outer.months === inner.months || (outer.months & inner.months) !== inner.months) continue
      leftOver(regionWith(outer.months), [regionWith(inner.months)], regionWith(outer.months & ~inner.months))
    }
    // A year minus its other quarters.
    const quarters = [0, 1, 2, 3].map((quarter) => monthsMask(quarter * 3 + 1, quarter * 3 + 3))
    if (outer.months === monthsMask(1, 12)) {
      for (const target of quarters) {
        const others = quarters.filter((quarter) => quarter !== target).map(regionWith)
        leftOver(regionWith(outer.months), others, regionWith(target))
      }
    }
    // A total minus the other municipalities: each report is in exactly one municipality.
    if (outer.municipality === null) {
      for (const target of municipalityNames) {
        const others = municipalityNames
          .filter((name) => name !== target)
          .map((name) => regionOf(outer.months, name, outer.category))
        leftOver(regionWith(outer.months), others, regionOf(outer.months, target, outer.category))
      }
    }
  }
  return { bounds, recovered: [...bounds].filter(([, { low, high }]) => low === high && low >= 1 && low < threshold) }
}

/** The true count of a region, from the seeded reports. */
function truthOf(region: Region) {
  const [months, municipality, category] = region.split('|') as [string, string, string]
  return seeded.filter(
    (report) =>
      (Number(months) & (1 << (report.month - 1))) !== 0 &&
      (municipality === '*' || report.municipality === municipality) &&
      (category === '*' || report.needs.includes(category as SupportNeed)),
  ).length
}

/** Every run of months in 2025, as overlapping as the measured attack. */
const overlappingRanges: [number, number][] = []
for (let from = 1; from <= 12; from++) {
  for (let to = from; to <= 12; to++) overlappingRanges.push([from, to])
}

describe('the differencing attack', () => {
  test(
    'overlapping periods, municipalities, categories and groupings recover no count from 1 to 4',
    { timeout: 240_000 },
    async () => {
      const { observations, requests } = await collectObservations(overlappingRanges)
      expect(requests).toBeGreaterThan(187)

      // The attack itself works: on the same requests answered as before, exactly for the months asked and
      // suppressed below five, it recovers small counts.
      const exact = observations.map((observation) => {
        const truth = truthOf(regionOf(observation.asked, observation.municipality, observation.category))
        return { ...observation, months: observation.asked, value: truth < threshold ? null : truth }
      })
      const beforeRecovered = recoveredSmallCounts(exact, 0).recovered
      expect(beforeRecovered.length).toBeGreaterThan(10)
      for (const [region, { low }] of beforeRecovered) expect(low).toBe(truthOf(region))

      // On the perturbed figures every bound still holds the truth, but none closes on a small count.
      const { bounds, recovered } = recoveredSmallCounts(observations, maxNoise)
      for (const [region, { low, high }] of bounds) {
        expect(truthOf(region), region).toBeGreaterThanOrEqual(low)
        expect(truthOf(region), region).toBeLessThanOrEqual(high)
      }
      expect(recovered).toEqual([])
    },
  )
})

describe('what a reader sees', () => {
  test('the same question gives the same answer; a period is widened to its quarter or year', async () => {
    const query = { from: '2025-04-03', to: '2025-06-17', groupBy: 'municipality' }
    const first = await statistics(query)
    expect(await statistics(query)).toEqual(first)
    expect(first.period).toEqual({ from: '2025-04-01', to: '2025-06-30' })
    const wholeQuarter = await statistics({ ...query, from: '2025-04-01', to: '2025-06-30' })
    expect(wholeQuarter).toEqual(first)
    const acrossQuarters = await statistics({ ...query, from: '2025-05-03', to: '2025-10-17' })
    expect(acrossQuarters.period).toEqual({ from: '2025-01-01', to: '2025-12-31' })
    expect(acrossQuarters).toEqual(await statistics({ ...query, from: '2025-01-01', to: '2025-12-31' }))
  })

  test('a small group still reads as suppressed, and nothing shown is below the threshold or negative', async () => {
    const year = await statistics({
      from: '2025-01-01',
      to: '2025-12-31',
      groupBy: 'category',
      municipalityId: municipalityIds.Tuusniemi,
    })
    expect(year.groups.find((group) => group.key === 'violence')).toEqual({
      key: 'violence',
      count: null,
      suppressed: true,
    })
    for (const [from, to] of overlappingRanges) {
      const figures = await statistics({ from: day(from, 1), to: day(to, 28), groupBy: 'municipality' })
      for (const count of [
        figures.totals.total,
        figures.totals.positive,
        ...figures.groups.map((group) => group.count),
      ]) {
        if (count !== null) expect(count).toBeGreaterThanOrEqual(threshold)
      }
    }
  })

  test('a large count is the true one give or take two', async () => {
    const year = await statistics({ from: '2025-01-01', to: '2025-12-31', groupBy: 'municipality' })
    expect(Math.abs(year.totals.total! - seeded.length)).toBeLessThanOrEqual(maxNoise)
    const kuopio = seeded.filter((report) => report.municipality === 'Kuopio').length
    expect(Math.abs(year.groups.find((group) => group.key === 'Kuopio')!.count! - kuopio)).toBeLessThanOrEqual(maxNoise)
  })

  test('a worker counts only their own team’s reports; a team lead without a team counts none', async () => {
    const year = { from: '2025-01-01', to: '2025-12-31', groupBy: 'municipality' }
    const team = seeded.filter((report) => report.teamIndex === 1).length
    const worker = await statistics(year, tokens.worker)
    expect(Math.abs(worker.totals.total! - team)).toBeLessThanOrEqual(maxNoise)
    expect(Math.abs((await statistics(year)).totals.total! - seeded.length)).toBeLessThanOrEqual(maxNoise)
    const teamless = await statistics(year, tokens.teamlessWorker)
    expect(teamless.totals.total).toBeNull()
    expect(teamless.groups).toEqual([])
  })

  test('a period spanning two years is refused on its end, in the reader’s language', async () => {
    const request = apiRequest(
      `/api/v1/statistics?${new URLSearchParams({ from: '2024-12-01', to: '2025-01-31', groupBy: 'gender' })}`,
      { token: tokens.coordinator },
    )
    const response = await statisticsApi.loader({ request, params: {}, context: { clientIp: '192.0.2.45' } } as never)
    expect(response.status).toBe(422)
    expect((await response.json()).errors).toEqual([
      {
        field: 'to',
        code: 'disclosure.validation.period',
        message:
          'Valitse jakso saman kalenterivuoden sisältä: tunnusluvut julkaistaan vuosineljännekseltä tai koko vuodelta.',
      },
    ])
  })
})
