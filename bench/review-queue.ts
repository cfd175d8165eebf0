import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { type QueueFilters } from '#app/models/report.server.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import {
  benchDatabaseName,
  benchDatabaseUrl,
  DatabaseUnreachableError,
  openMigratedBenchDatabase,
  recreateBenchDatabase,
} from './database.ts'
import { type ExplainedQuery, explainReviewQueue } from './explain.ts'
import { figureLine } from './figures.ts'
import { burstSize, type BurstResult, measureEmailBurst, summariseEmailBurst } from './email-burst.ts'
import { connections, type LoadResult, measureLoad } from './load.ts'
import { vacuumAndAnalyzeReports, type BenchData, benchReportCount, leadTeamShare, seedBenchData } from './seed.ts'
import { startAppServer, startBareServer, startNoDatabaseServer } from './servers.ts'
import { measureEmbeddedResponsiveness, printEmbeddedResponsiveness } from './embedded-responsiveness.ts'
import { measurePageWeight } from './page-weight.ts'
import { measureStatistics, printStatistics } from './statistics.ts'
import { measureCounty, printCounty } from './county.ts'
import { statisticsReportCount } from './statistics-seed.ts'
import { signIn } from './sign-in.ts'
import { runSimilarLookup } from './similar-lookup.ts'

const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
/** BENCH_ONLY=queue measures the review queue and stops there, for working on the queue without the later steps. */
const queueOnly = process.env.BENCH_ONLY === 'queue'
const warmupSeconds = 3
const measureSeconds = 15
// "Kela" is in about a third of the reports; "submitted" is what a lead filters on to find new arrivals.
const filters: QueueFilters = {
  status: 'submitted',
  q: 'Kela',
  supportNeed: null,
  clientGroup: null,
  municipalityId: null,
  from: null,
  to: null,
  positive: null,
}
const reviewPath = `/review?${new URLSearchParams({ status: filters.status!, q: filters.q! })}`
/** Issue 15's goals for the queue: half the throughput of the same page without its database, p95 within 400 ms. */
const throughputShareGoal = 0.5
const p95GoalMs = 400
/** The app's connections as they would be with parallel query off (ADR 030 compares it with the default). */
const withoutParallelQuery = { PGOPTIONS: '-c max_parallel_workers_per_gather=0' }

interface Measured {
  app: LoadResult
  /** The same page asked for as a browser does, compressed. */
  appCompressed: LoadResult
  /** The app again, its connections with parallel query off. */
  appWithoutParallelQuery: LoadResult
  /** The same page rendered from its loaders' captured answers, with no database: the limit the goal is set against. */
  noDatabase: LoadResult
  bare: LoadResult
  pageBytes: number
  noDatabasePageBytes: number
  /** A report the queue lists, opened as the lead opens it (each opening is written to the audit log). */
  reportPage: LoadResult
  reportPath: string
}

async function main() {
  const started = performance.now()
  // Others' work on this machine skews the figures; the load average before we start tells the reader.
  const loadAtStart = loadavg()[0]!
  await recreateBenchDatabase(adminUrl)
  const databaseUrl = benchDatabaseUrl(adminUrl)
  const { data, serverVersion, explained } = await prepareDatabase(databaseUrl)
  const measured = await measureBoth(databaseUrl, data)
  printResults({ data, serverVersion, explained, measured, loadAtStart })
  if (!queueOnly) {
    printBurst(await runEmailBurst(databaseUrl, data))
    console.log(`\n${await runSimilarLookup(databaseUrl, data)}`)
    printStatistics(await runStatistics(databaseUrl))
    await measurePageWeight()
    printCounty(await measureCounty(databaseUrl))
    printEmbeddedResponsiveness(await measureEmbeddedResponsiveness())
  }
  console.log(`\nDone in ${formatSeconds(performance.now() - started)}.`)
  const failures = Object.values(measured)
    .filter((value): value is LoadResult => typeof value === 'object' && 'failures' in value)
    .reduce((sum, result) => sum + result.failures, 0)
  if (failures > 0) throw new Error(`${failures} requests failed or answered other than 2xx; the figures are void`)
  const { app, noDatabase } = measured
  console.log(
    `review queue: ${formatInteger(Math.round(app.requestsPerSecond))} req/s = ${(app.requestsPerSecond / noDatabase.requestsPerSecond).toFixed(2)}× the same page without database`,
  )
}

async function prepareDatabase(databaseUrl: string) {
  const database = await openMigratedBenchDatabase(databaseUrl)
  try {
    const { rows } = await sql<{ server_version: string }>`show server_version`.execute(database.db)
    step(`Seeding ${formatInteger(benchReportCount)} reports into ${benchDatabaseName}…`)
    const seedStarted = performance.now()
    const data = await seedBenchData(database.db)
    await vacuumAndAnalyzeReports(database.db)
    step(`Seeded, vacuumed and analysed in ${formatSeconds(performance.now() - seedStarted)}.`)
    const viewer = await getUserInOrganisation(database.db, data.lead.id, data.organisationId)
    if (!viewer) throw new Error('the seeded team lead has no membership')
    const explained = await explainReviewQueue(databaseUrl, viewer, filters)
    return { data, serverVersion: rows[0]!.server_version, explained }
  } finally {
    await database.close()
  }
}

async function measureBoth(databaseUrl: string, data: BenchData): Promise<Measured> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'sr-bench-'))
  try {
    step('Starting the app (npm start; it builds first if the sources changed)…')
    const app = await startAppServer(databaseUrl, path.join(workDir, 'data'))
    let cookie: string
    let page: Buffer
    let appResult: LoadResult
    let appCompressed: LoadResult
    let reportPage: LoadResult
    let reportPath: string
    try {
      cookie = await signIn(app.url, data.lead)
      page = await fetchPage(`${app.url}${reviewPath}`, cookie)
      reportPath = firstReportPath(page)
      reportPage = await warmUpAndMeasure('a report page', `${app.url}${reportPath}`, { Cookie: cookie })
      appResult = await warmUpAndMeasure('the review queue', `${app.url}${reviewPath}`, { Cookie: cookie })
      appCompressed = await warmUpAndMeasure('the review queue, compressed', `${app.url}${reviewPath}`, {
        Cookie: cookie,
        'Accept-Encoding': 'br, gzip',
      })
    } finally {
      await app.stop()
    }
    step('Starting the app again, its connections with parallel query off…')
    const serialApp = await startAppServer(databaseUrl, path.join(workDir, 'data'), withoutParallelQuery)
    let appWithoutParallelQuery: LoadResult
    try {
      appWithoutParallelQuery = await warmUpAndMeasure(
        'the review queue, parallel query off',
        `${serialApp.url}${reviewPath}`,
        { Cookie: cookie },
      )
    } finally {
      await serialApp.stop()
    }
    step('Starting the same page without its database (loaders answer as they did once)…')
    const withoutDatabase = await startNoDatabaseServer(databaseUrl, { path: reviewPath, cookie })
    let noDatabase: LoadResult
    let noDatabasePage: Buffer
    try {
      noDatabasePage = await fetchPage(`${withoutDatabase.url}${reviewPath}`, cookie)
      noDatabase = await warmUpAndMeasure('the review queue without database', `${withoutDatabase.url}${reviewPath}`, {
        Cookie: cookie,
      })
    } finally {
      await withoutDatabase.stop()
    }
    const bodyFile = path.join(workDir, 'page.html')
    await writeFile(bodyFile, page)
    const bare = await startBareServer(bodyFile)
    try {
      const bareResult = await warmUpAndMeasure('bare node:http', `${bare.url}/`, {})
      return {
        app: appResult,
        appCompressed,
        appWithoutParallelQuery,
        noDatabase,
        bare: bareResult,
        pageBytes: page.byteLength,
        noDatabasePageBytes: noDatabasePage.byteLength,
        reportPage,
        reportPath,
      }
    } finally {
      await bare.stop()
    }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

async function fetchPage(url: string, cookie: string): Promise<Buffer> {
  const response = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' })
  const body = Buffer.from(await response.arrayBuffer())
  if (response.status !== 200) throw new Error(`GET ${reviewPath} answered ${response.status}, not 200`)
  return body
}

/** The first report the queue page links to, so the report page measured is one the lead really sees. */
function firstReportPath(queuePage: Buffer): string {
  const path = /href="(\/reports\/[0-9a-f-]{36})"/.exec(queuePage.toString('utf8'))?.[1]
  if (!path) throw new Error(`GET ${reviewPath} links to no report`)
  return path
}

async function warmUpAndMeasure(name: string, url: string, headers: Record<string, string>) {
  step(`Measuring ${name}: ${warmupSeconds} s warm-up, then ${measureSeconds} s at ${connections} connections…`)
  await measureLoad(url, { seconds: warmupSeconds, headers })
  return measureLoad(url, { seconds: measureSeconds, headers })
}

function printResults(results: {
  data: BenchData
  serverVersion: string
  explained: Awaited<ReturnType<typeof explainReviewQueue>>
  measured: Measured
  loadAtStart: number
}) {
  const { data, explained, measured } = results
  const matching = explained.counts[filters.status!] ?? 0
  console.log(`
Review queue under load: GET ${reviewPath}
  data     ${formatInteger(benchReportCount)} reports in one organisation, PostgreSQL ${results.serverVersion}, database ${benchDatabaseName}
  viewer   team lead of "${data.lead.teamName}" (team scope, not coordinator); the team holds ~${leadTeamShare * 100} % of all reports
  page     ${formatInteger(matching)} matching reports, first page of 20, ${formatInteger(measured.pageBytes)} bytes (${formatInteger(measured.noDatabasePageBytes)} without database); the bare server returns the app's bytes
  load     autocannon, ${connections} connections, ${measureSeconds} s after a ${warmupSeconds} s warm-up; load generator, app and database share ${availableParallelism()} CPUs
           (load average before the run: ${results.loadAtStart.toFixed(2)})
`)
  printTable(measured)
  for (const query of explained.queries) printPlan(query)
  const { app, noDatabase } = measured
  console.log()
  console.log(
    figureLine({
      name: 'review queue throughput',
      measured: app.requestsPerSecond,
      limit: throughputShareGoal * noDatabase.requestsPerSecond,
      unit: 'req/s',
      limitFrom: `${throughputShareGoal}× the same page without database`,
      atLeast: true,
    }),
  )
  console.log(
    figureLine({ name: 'review queue p95', measured: app.p95Ms, limit: p95GoalMs, unit: 'ms', atLeast: false }),
  )
}

function printTable({
  app,
  appCompressed,
  appWithoutParallelQuery,
  noDatabase,
  bare,
  reportPage,
  reportPath,
}: Measured) {
  const rows = [
    ['', 'median ms', 'p95 ms', 'req/s', 'requests', 'failed'],
    ['review queue (app)', ...figures(app)],
    ['  with Accept-Encoding: br, gzip', ...figures(appCompressed)],
    ['  parallel query off', ...figures(appWithoutParallelQuery)],
    ['same page without database', ...figures(noDatabase)],
    ['bare node:http', ...figures(bare)],
    ['ratio app / bare', ratio(app.medianMs, bare.medianMs), ratio(app.p95Ms, bare.p95Ms), '', '', ''],
    [`report page (${reportPath.slice(0, 17)}…)`, ...figures(reportPage)],
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  for (const row of rows) {
    console.log(
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('   '),
    )
  }
}

function figures(result: LoadResult): string[] {
  return [
    result.medianMs.toFixed(2),
    result.p95Ms.toFixed(2),
    formatInteger(Math.round(result.requestsPerSecond)),
    formatInteger(result.requests),
    formatInteger(result.failures),
  ]
}

function printPlan(query: ExplainedQuery) {
  const seqScanOnReports = query.sequentialScans.includes('reports')
  console.log(`
EXPLAIN (ANALYZE, BUFFERS) of the review queue's ${query.label} query:
${query.plan.map((line) => `  ${line}`).join('\n')}
Index scan used: ${query.indexesUsed.length > 0 ? `yes (${query.indexesUsed.join(', ')})` : 'NO'}; sequential scan of reports: ${seqScanOnReports ? 'YES' : 'no'}`)
}

async function runEmailBurst(databaseUrl: string, data: BenchData) {
  step(`\nEmail burst: ${formatInteger(burstSize)} reports taken into review at once, the email worker sending…`)
  const database = await openMigratedBenchDatabase(databaseUrl)
  try {
    return await measureEmailBurst(database.db, data.organisationId)
  } finally {
    await database.close()
  }
}

function printBurst(burst: BurstResult) {
  console.log(`
Feedback emails after a burst of ${formatInteger(burstSize)} status changes (one email each to the reporter), sent to a
mocked Resend that takes 2 requests a second and refuses more with 429:
  transitions done (16 at a time)         ${formatSeconds(burst.transitionsMs)}
  every email handed to (mocked) Resend   ${formatSeconds(burst.allHandedOverMs)} after the first change
  batch requests                          ${formatInteger(burst.requests)}, ${formatInteger(burst.rateLimited)} of them refused with 429
  emails sent more than once              ${formatInteger(burst.duplicates)}
  largest queue depth seen                ${formatInteger(burst.maxQueueDepth)} jobs waiting
${summariseEmailBurst(burst)}`)
}

/** Last, so its million reports (in an organisation of their own) cannot change what the steps above measured. */
async function runStatistics(databaseUrl: string) {
  step(`\nStatistics: seeding ${formatInteger(statisticsReportCount)} reports into an organisation of their own…`)
  const database = await openMigratedBenchDatabase(databaseUrl)
  try {
    return await measureStatistics(database.db, databaseUrl)
  } finally {
    await database.close()
  }
}

const ratio = (app: number, bare: number) => `${(app / bare).toFixed(1)}×`
const formatInteger = (value: number) => value.toLocaleString('en-US')
const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const step = (message: string) => console.log(message)

try {
  await main()
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(error instanceof DatabaseUnreachableError ? message : `Benchmark failed: ${message}`)
  process.exitCode = 1
}
