import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { findSimilarReports } from '#app/models/similar-report.server.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { demoPhenomena } from '#db/demo-phenomena.ts'
import { benchDatabaseUrl, openMigratedBenchDatabase, recreateBenchDatabase } from './database.ts'
import { type BenchData, benchReportCount, seedBenchData, vacuumAndAnalyzeReports } from './seed.ts'

export const similarLookupLimitMs = 100
const timedLookups = 200

/** Phenomena no bench report is about: a lookup that finds little must be quick too. */
const unseenTexts = [
  'Omaishoitajat eivät saa sijaista vapaapäivilleen',
  'Lapsiperheiden kotipalvelua ei saa ilman pitkää jonoa',
  'Nuoret jättävät ammattikoulun kesken ensimmäisenä syksynä',
  'Päihdeasiakkaiden asunnottomuus talvella',
  'Tulkkia ei saada ajoissa lastensuojelun tapaamisiin',
  'Yksinäiset ikääntyneet eivät löydä päivätoimintaan',
  'Velkaneuvontaan on puolen vuoden jono',
  'Mielenterveyskuntoutujien asumispalveluista puuttuu paikkoja',
]

const words = (text: string) => text.split(/\s+/).filter(Boolean)
const firstWords = (text: string, count: number) => words(text).slice(0, count).join(' ')

export interface TypedDraft {
  title: string
  description: string
}

/**
 * What the form posts while a worker writes (title, a space, the description so far): the title half typed and
 * whole, then the description growing, for every demo phenomenon the bench reports are built from, and for
 * phenomena no report is about.
 */
export function typedDrafts(): TypedDraft[] {
  const drafts = demoPhenomena.flatMap(({ title, description }) => {
    const titleWords = words(title).length
    return [
      { title: firstWords(title, 2), description: '' },
      { title: firstWords(title, Math.ceil(titleWords / 2)), description: '' },
      { title, description: '' },
      { title, description: firstWords(description, 8) },
      { title, description },
    ]
  })
  return [
    ...drafts,
    ...unseenTexts.flatMap((text) => [firstWords(text, 3), text].map((title) => ({ title, description: '' }))),
  ]
}

export interface SimilarLookupResult {
  lookups: number
  distinctTexts: number
  p50Ms: number
  p95Ms: number
  meanHits: number
  loadAtStart: number
}

/**
 * Times the similar-report lookup as the new-report form asks for it, one lookup at a time, after one untimed
 * round over every text has read the indexes into the caches.
 */
export async function measureSimilarLookup(db: AppDb, data: BenchData): Promise<SimilarLookupResult> {
  const loadAtStart = loadavg()[0]!
  const writer = await getUserInOrganisation(db, data.lead.id, data.organisationId)
  if (!writer) throw new Error('the seeded team lead has no membership')
  const drafts = typedDrafts()
  const lookUp = (draft: TypedDraft) =>
    findSimilarReports(db, writer, {
      text: `${draft.title} ${draft.description}`,
      title: draft.title,
      reportId: null,
    })
  for (const draft of drafts) await lookUp(draft)
  const times: number[] = []
  let hits = 0
  for (let lookup = 0; lookup < timedLookups; lookup++) {
    const started = performance.now()
    hits += (await lookUp(drafts[lookup % drafts.length]!)).length
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return {
    lookups: timedLookups,
    distinctTexts: drafts.length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    meanHits: hits / timedLookups,
    loadAtStart,
  }
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)]!
}

export function similarLookupLine(result: SimilarLookupResult): string {
  const ratio = result.p95Ms / similarLookupLimitMs
  const verdict = ratio <= 1 ? 'goal met' : 'goal NOT met'
  return (
    `similar-report lookup: p95 ${result.p95Ms.toFixed(1)} ms, limit ${similarLookupLimitMs} ms, ratio ${ratio.toFixed(2)}, ${verdict}` +
    ` (p50 ${result.p50Ms.toFixed(1)} ms; ${result.lookups} lookups of ${result.distinctTexts} typed texts, ${result.meanHits.toFixed(1)} hits each;` +
    ` load average before: ${result.loadAtStart.toFixed(2)})`
  )
}

/** The review-queue bench's step: opens the seeded bench database, measures and says the figure in one line. */
export async function runSimilarLookup(databaseUrl: string, data: BenchData): Promise<string> {
  const database = await openMigratedBenchDatabase(databaseUrl)
  try {
    return similarLookupLine(await measureSimilarLookup(database.db, data))
  } finally {
    await database.close()
  }
}

const ownDatabaseName = 'sr_bench_similar_lookup'

/**
 * `node --import tsx bench/similar-lookup.ts` runs this step alone in a database of its own, seeded as the
 * review-queue bench seeds sr_bench.
 */
async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  await recreateBenchDatabase(adminUrl, ownDatabaseName)
  const database = await openMigratedBenchDatabase(benchDatabaseUrl(adminUrl, ownDatabaseName))
  try {
    console.log(`Seeding ${benchReportCount.toLocaleString('en-US')} reports into ${ownDatabaseName}…`)
    const data = await seedBenchData(database.db)
    await vacuumAndAnalyzeReports(database.db)
    console.log(similarLookupLine(await measureSimilarLookup(database.db, data)))
  } finally {
    await database.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main()
  } catch (error) {
    console.error(`Similar-report lookup benchmark failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
