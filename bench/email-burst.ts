import { setupServer } from 'msw/node'
import { emailBatchSize } from '#app/domain/email-delivery.ts'
import { countWaitingEmailJobs } from '#app/models/email-job.server.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import { type AppDb, setDb } from '#app/utils/db.server.ts'
import { startEmailWorker } from '#app/utils/email-worker.server.ts'
import { applyTransition } from '#app/services/reports.server.ts'
import { createUser } from '#tests/factories/index.ts'
import { createResendMock } from '#tests/mocks/resend.ts'

export const burstSize = 10_000
/** Resend's default limit per team, enforced by the stand-in with 429s and kept to by the worker. */
const ratePerSecond = 2
const burstConcurrency = 16
const samplingMs = 50
const giveUpMs = 10 * 60_000

export interface BurstResult {
  transitionsMs: number
  allHandedOverMs: number
  /** Emails Resend sent, each counted once; a second copy of one would be in `duplicates`. */
  deliveredOnce: number
  duplicates: number
  deadLetters: number
  requests: number
  /** Requests Resend refused with a 429 for going over the rate. */
  rateLimited: number
  /** The least time the emails can take at the rate: one batch request of 100 per turn. */
  floorMs: number
  maxQueueDepth: number
}

/**
 * 10,000 reports taken into review at once through the app's own transition path (event, notification and
 * email job in one transaction each), while the app's email worker hands the emails in batches to an msw stand-in
 * for Resend that allows 2 requests a second and answers any beyond that with a 429, as Resend does.
 */
export async function measureEmailBurst(db: AppDb, organisationId: string): Promise<BurstResult> {
  const resend = createResendMock({ requestsPerSecond: ratePerSecond })
  const mockServer = setupServer(resend.handler)
  mockServer.listen({ onUnhandledFrame: 'bypass' })
  Object.assign(process.env, {
    RESEND_API_KEY: 're_bench',
    EMAIL_FROM: 'Sosiaalinen raportointi <noreply@bench.example.org>',
    RESEND_BASE_URL: 'https://api.resend.com',
    EMAIL_RATE_PER_SECOND: String(ratePerSecond),
    APP_URL: 'https://raportointi.bench.example.org',
  })
  setDb(db)
  const teams = await db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).execute()
  const lead = await createUser(db, {
    organisationId,
    roles: ['team_lead'],
    teamIds: teams.map((team) => team.id),
    email: 'purskeen.vetaja@bench.example.org',
  })
  const actor = (await getUserInOrganisation(db, lead.id, organisationId))!
  const reports = await db
    .selectFrom('reports')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'submitted')
    .limit(burstSize)
    .execute()
  if (reports.length < burstSize) throw new Error(`only ${reports.length} submitted reports to move`)

  let maxQueueDepth = 0
  const sampler = setInterval(() => {
    void countWaitingEmailJobs(db).then((depth) => (maxQueueDepth = Math.max(maxQueueDepth, depth)))
  }, samplingMs)
  const stopWorker = startEmailWorker(db, { pollMs: 50, concurrency: 8 })
  const started = performance.now()
  try {
    let next = 0
    const lane = async () => {
      for (let index = next++; index < reports.length; index = next++) {
        const result = await applyTransition(actor, {
          reportId: reports[index]!.id,
          to: 'in_review',
          expectedStatus: 'submitted',
          comment: '',
          resolution: null,
          committeeId: null,
          phenomenonId: null,
        })
        if (!result.ok) throw new Error(`transition refused: ${result.reason}`)
      }
    }
    await Promise.all(Array.from({ length: burstConcurrency }, lane))
    const transitionsMs = performance.now() - started
    while ((await countWaitingEmailJobs(db)) > 0) {
      if (performance.now() - started > giveUpMs) throw new Error('the emails were not all handed over in 10 minutes')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const allHandedOverMs = performance.now() - started
    const jobs = await db
      .selectFrom('email_jobs')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.count<number>('id').filterWhere('status', '=', 'dead').as('dead'),
      ])
      .executeTakeFirstOrThrow()
    // Each email names its own report, so its text tells one email from another.
    const copies = new Map<string, number>()
    for (const email of resend.delivered) copies.set(email.text, (copies.get(email.text) ?? 0) + 1)
    return {
      transitionsMs,
      allHandedOverMs,
      deliveredOnce: [...copies.values()].filter((count) => count === 1).length,
      duplicates: [...copies.values()].reduce((sum, count) => sum + count - 1, 0),
      deadLetters: Number(jobs.dead),
      requests: resend.requests.length,
      rateLimited: resend.requests.filter((request) => request.rateLimited).length,
      floorMs: (Math.ceil(Number(jobs.total) / emailBatchSize) / ratePerSecond) * 1000,
      maxQueueDepth,
    }
  } finally {
    clearInterval(sampler)
    await stopWorker()
    mockServer.close()
  }
}

/**
 * The burst in one line: whether every email arrived once, and its time against the rate limit's floor. The emails
 * cannot leave faster than the changes queue them, so the line also tells how long the last one took after the last
 * change.
 */
export function summariseEmailBurst(burst: BurstResult) {
  const seconds = (ms: number) => (ms / 1000).toFixed(1)
  return (
    `email burst: ${burst.deliveredOnce.toLocaleString('en-US')} delivered once, ${burst.deadLetters} dead letters, ` +
    `${seconds(burst.allHandedOverMs)} s against floor ${seconds(burst.floorMs)} s ` +
    `(${(burst.allHandedOverMs / burst.floorMs).toFixed(2)}×); the changes took ${seconds(burst.transitionsMs)} s, ` +
    `the last email left ${seconds(burst.allHandedOverMs - burst.transitionsMs)} s after them; ` +
    `${burst.rateLimited} of ${burst.requests} requests refused with 429`
  )
}
