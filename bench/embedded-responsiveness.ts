import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { sql } from 'kysely'
import { demoAccounts, demoPassword } from '#app/utils/demo.server.ts'
import { openEmbeddedDatabase } from '#app/utils/db.server.ts'
import { prepareDatabase } from '#app/utils/startup.server.ts'
import { createUser } from '#tests/factories/index.ts'
import { percentile } from './load.ts'
import { insertReports, workersPerTeam } from './seed.ts'
import { startEmbeddedAppServer } from './servers.ts'
import { signIn } from './sign-in.ts'

/** Added to the demo organisation, enough that a year's dashboard keeps the database busy for a noticeable time. */
export const embeddedReportCount = 20_000
/** The goal: the server answers its health check this fast (95th percentile) while the database works. */
export const healthLimitMs = 50
const heavySeconds = 20
const idleChecks = 50
const pauseBetweenChecksMs = 25
// Typed into a new report's title: the lookup the form makes while someone writes.
const lookupText = 'Kelan päätöksissä ei kerrota, miten täydentävää toimeentulotukea haetaan kunnasta'

export interface EmbeddedResponsiveness {
  seedMs: number
  dashboardAloneMs: number
  lookupAloneMs: number
  idle: WaitFigures
  heavy: WaitFigures
  /** The sign-in page, which needs no database: what the server's own thread has left for others meanwhile. */
  signInPage: WaitFigures
  dashboards: number
  lookups: number
  failures: number
  loadAtStart: number
}

interface WaitFigures {
  checks: number
  medianMs: number
  p95Ms: number
  maxMs: number
}

/**
 * `npm start` on the embedded default with the demo data and 20,000 more reports: while one visitor reloads a
 * year's dashboard and another's report form looks up similar reports, again and again, a monitor polls /healthz.
 * How long the health check waits shows whether a heavy page holds up everyone else's requests.
 */
export async function measureEmbeddedResponsiveness(): Promise<EmbeddedResponsiveness> {
  const loadAtStart = loadavg()[0]!
  const workDir = await mkdtemp(path.join(tmpdir(), 'sr-bench-embedded-'))
  try {
    const dataDir = path.join(workDir, 'data')
    step(`Embedded database: the demo data and ${formatInteger(embeddedReportCount)} more reports…`)
    const seedStarted = performance.now()
    await seedEmbedded(dataDir)
    const seedMs = performance.now() - seedStarted
    step('Starting the app on it (npm start; it builds first if the sources changed)…')
    const app = await startEmbeddedAppServer(dataDir)
    try {
      const coordinator = demoAccounts.find((account) => account.roles.includes('coordinator'))!
      const cookie = await signIn(app.url, { email: coordinator.email, password: demoPassword })
      const visitor = { baseUrl: app.url, cookie, csrf: await csrfTokenOf(app.url, cookie) }
      const dashboardAloneMs = await timed(() => openDashboard(visitor))
      const lookupAloneMs = await timed(() => lookUpSimilar(visitor))
      const idle = figures(await poll(`${app.url}/healthz`, { checks: idleChecks }))
      step(`Polling /healthz for ${heavySeconds} s while dashboards and lookups run…`)
      const heavy = await whileHeavyWork(visitor)
      return { seedMs, dashboardAloneMs, lookupAloneMs, idle, ...heavy, loadAtStart }
    } finally {
      await app.stop()
    }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

async function seedEmbedded(dataDir: string) {
  const database = await openEmbeddedDatabase(dataDir, 'npm run bench:embedded')
  try {
    const { db } = database
    await prepareDatabase(db, { seedDemo: true })
    const organisation = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()
    const municipalities = await db
      .selectFrom('municipalities')
      .select('id')
      .where('organisation_id', '=', organisation.id)
      .orderBy('name')
      .execute()
    const teams = await db
      .selectFrom('teams')
      .select('id')
      .where('organisation_id', '=', organisation.id)
      .orderBy('name')
      .execute()
    const authorIds: string[] = []
    for (const [teamIndex, team] of teams.entries()) {
      for (let slot = 0; slot < workersPerTeam; slot++) {
        const author = await createUser(db, {
          organisationId: organisation.id,
          roles: ['worker'],
          teamIds: [team.id],
          email: `penkki-${teamIndex + 1}-${slot + 1}@demo.example`,
          name: `Penkkityöntekijä ${teamIndex + 1}.${slot + 1}`,
        })
        authorIds.push(author.id)
      }
    }
    await db.transaction().execute(async (trx) => {
      await sql`select setseed(0.2017)`.execute(trx)
      await insertReports(
        trx,
        {
          organisationId: organisation.id,
          municipalityIds: municipalities.map((m) => m.id),
          teamIds: teams.map((t) => t.id),
          authorIds,
        },
        embeddedReportCount,
      )
    })
    await sql`vacuum (analyze) reports`.execute(db)
  } finally {
    await database.close()
  }
}

interface Visitor {
  baseUrl: string
  cookie: string
  csrf: string
}

async function csrfTokenOf(baseUrl: string, cookie: string): Promise<string> {
  const page = await (await fetch(`${baseUrl}/reports/new`, { headers: { Cookie: cookie } })).text()
  const token = /name="csrf" value="([^"]+)"/.exec(page)?.[1]
  if (!token) throw new Error('the new report page carries no CSRF token')
  return token
}

/** The whole of the last full year, every municipality and category: the committee's usual first view. */
async function openDashboard({ baseUrl, cookie }: Visitor) {
  const year = new Date().getFullYear() - 1
  const query = new URLSearchParams({ from: `${year}-01-01`, to: `${year}-12-31` })
  const response = await fetch(`${baseUrl}/dashboard?${query}`, { headers: { Cookie: cookie } })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`the dashboard answered ${response.status}`)
}

/** Posted as the report form's fetcher posts it (Remix single fetch: the route's `.data` address). */
async function lookUpSimilar({ baseUrl, cookie, csrf }: Visitor) {
  const response = await fetch(`${baseUrl}/reports/similar.data`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, q: lookupText }),
  })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`the similar-report lookup answered ${response.status}`)
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

/** Requests one after another with a short pause, as a monitor polls; each one's wait in ms. */
async function poll(url: string, until: { checks: number } | { signal: AbortSignal }): Promise<number[]> {
  const waits: number[] = []
  const more = () => ('checks' in until ? waits.length < until.checks : !until.signal.aborted)
  while (more()) {
    const started = performance.now()
    const response = await fetch(url)
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`${url} answered ${response.status}`)
    waits.push(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, pauseBetweenChecksMs))
  }
  return waits
}

async function whileHeavyWork(visitor: Visitor) {
  const stop = AbortSignal.timeout(heavySeconds * 1000)
  let failures = 0
  const repeat = async (run: () => Promise<void>) => {
    let count = 0
    while (!stop.aborted) {
      await run().catch(() => failures++)
      count++
    }
    return count
  }
  const [dashboards, lookups, healthWaits, signInWaits] = await Promise.all([
    repeat(() => openDashboard(visitor)),
    repeat(() => lookUpSimilar(visitor)),
    poll(`${visitor.baseUrl}/healthz`, { signal: stop }),
    poll(`${visitor.baseUrl}/login`, { signal: stop }),
  ])
  return { heavy: figures(healthWaits), signInPage: figures(signInWaits), dashboards, lookups, failures }
}

function figures(waits: number[]): WaitFigures {
  const sorted = [...waits].sort((a, b) => a - b)
  return {
    checks: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? Number.NaN,
  }
}

export function printEmbeddedResponsiveness(result: EmbeddedResponsiveness) {
  const { idle, heavy } = result
  const ratio = heavy.p95Ms / healthLimitMs
  console.log(`
Embedded database (npm start's default): the demo data and ${formatInteger(embeddedReportCount)} more reports
  (seeded in ${formatMs(result.seedMs)}; load average ${result.loadAtStart.toFixed(2)} at the start)
  one year's dashboard, alone                    ${formatMs(result.dashboardAloneMs)}
  one similar-report lookup, alone               ${formatMs(result.lookupAloneMs)}
  /healthz while idle (${idle.checks} checks)             median ${formatMs(idle.medianMs)}, p95 ${formatMs(idle.p95Ms)}
  /healthz during ${heavySeconds} s of dashboards and lookups  median ${formatMs(heavy.medianMs)}, p95 ${formatMs(heavy.p95Ms)}, max ${formatMs(heavy.maxMs)} (${heavy.checks} checks)
  the sign-in page (no database) meanwhile       median ${formatMs(result.signInPage.medianMs)}, p95 ${formatMs(result.signInPage.p95Ms)}, max ${formatMs(result.signInPage.maxMs)}
  work done meanwhile                            ${result.dashboards} dashboards, ${result.lookups} lookups, ${result.failures} failed
healthz during heavy work: ${formatMs(heavy.p95Ms)}, limit ${healthLimitMs} ms, ratio ${ratio.toFixed(2)}, ${ratio <= 1 ? 'goal met' : 'goal NOT met'}`)
  if (result.failures > 0) throw new Error(`${result.failures} dashboards or lookups failed; the figures are void`)
}

const formatInteger = (value: number) => value.toLocaleString('en-US')
const formatMs = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`
const step = (message: string) => console.log(message)

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    printEmbeddedResponsiveness(await measureEmbeddedResponsiveness())
  } catch (error) {
    console.error(`Embedded responsiveness benchmark failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
