import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { countWaitingEmailJobs } from '#app/models/email-job.server.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import { type AppDb, setDb } from '#app/utils/db.server.ts'
import { startEmailWorker } from '#app/utils/email-worker.server.ts'
import { applyTransition } from '#app/services/reports.server.ts'
import { createUser } from '#tests/factories/index.ts'
import { findFreePort } from './servers.ts'

export const burstSize = 10_000
const burstConcurrency = 16
const samplingMs = 50
const giveUpMs = 10 * 60_000

export interface BurstResult {
  transitionsMs: number
  allHandedOverMs: number
  emails: number
  maxQueueDepth: number
}

/** Stands in for Resend's POST /emails: answers at once, counts what it was handed. */
async function startMockResend() {
  let received = 0
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      received++
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ id: randomUUID() }))
    })
  })
  const port = await findFreePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * 10,000 reports taken into review at once through the app's own transition path (event, notification and
 * email job in one transaction each), while the app's email worker hands the emails to a mocked Resend.
 */
export async function measureEmailBurst(db: AppDb, organisationId: string): Promise<BurstResult> {
  const resend = await startMockResend()
  Object.assign(process.env, {
    RESEND_API_KEY: 're_bench',
    EMAIL_FROM: 'Sosiaalinen raportointi <noreply@bench.example.org>',
    RESEND_BASE_URL: resend.url,
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
    const expected = await db
      .selectFrom('email_jobs')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    while (resend.received() < Number(expected.count) || (await countWaitingEmailJobs(db)) > 0) {
      if (performance.now() - started > giveUpMs) throw new Error('the emails were not all handed over in 10 minutes')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return {
      transitionsMs,
      allHandedOverMs: performance.now() - started,
      emails: resend.received(),
      maxQueueDepth,
    }
  } finally {
    clearInterval(sampler)
    await stopWorker()
    await resend.stop()
  }
}
