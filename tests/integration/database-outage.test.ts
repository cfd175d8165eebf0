import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { sql } from 'kysely'
import { createOrganisation, createUser } from '#tests/factories/index.ts'
import { createResendMock } from '#tests/mocks/resend.ts'
import { mockServer } from '#tests/setup/setup-test-env.ts'
import { serverUrlFor } from '#tests/setup/test-database.ts'
import { startTcpProxy, type TcpProxy } from '#tests/tcp-proxy.ts'
import { apiRequest, getRequest, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { enqueueEmail } from '#app/models/email-job.server.ts'
import { mintApiToken } from '#app/utils/api-auth.server.ts'
import { localeCookie } from '#app/utils/cookies.server.ts'
import {
  type AppDb,
  createPglite,
  getDb,
  openServerDatabase,
  type OpenDatabase,
  setDb,
  wrapPglite,
} from '#app/utils/db.server.ts'
import { startEmailWorker } from '#app/utils/email-worker.server.ts'
import { loader as rootLoader } from '#app/root.tsx'
import { loader as meLoader } from '#app/routes/api.v1.me.ts'
import { loader as healthLoader } from '#app/routes/healthz.ts'
import { loader as reportsLoader } from '#app/routes/reports._index.tsx'

const serverUrl = process.env.TEST_DATABASE_URL
const context = { clientIp: '192.0.2.20' }

// Only a database server has a connection to lose; the embedded database runs inside the process.
describe.skipIf(!serverUrl)('the database server goes away and comes back', () => {
  const resend = createResendMock()
  let direct: AppDb
  let proxy: TcpProxy
  let proxied: OpenDatabase
  let session: string
  let apiToken: string
  let organisationId: string
  let userId: string

  beforeAll(async () => {
    vi.stubEnv('RESEND_API_KEY', 're_test_key')
    vi.stubEnv('EMAIL_FROM', 'Sosiaalinen raportointi <noreply@example.fi>')
    direct = getDb()
    organisationId = (await createOrganisation(direct)).id
    const user = await createUser(direct, { organisationId, roles: ['worker'], email: 'outage@example.org' })
    userId = user.id
    session = await signIn('outage@example.org')
    apiToken = (await mintApiToken(direct, { userId, organisationId }, 'outage')).token
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(direct)
    const target = new URL(serverUrl!)
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    const viaProxy = new URL(serverUrlFor(serverUrl!, rows[0]!.name))
    viaProxy.host = `127.0.0.1:${proxy.port}`
    proxied = openServerDatabase(viaProxy.toString())
    setDb(proxied.db)
  })

  afterAll(async () => {
    vi.unstubAllEnvs()
    setDb(direct)
    await proxied.close()
    await proxy.stop()
  })

  beforeEach(() => {
    // Losing connections is logged on purpose here; the shared setup would turn each log line into a failure.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    resend.reset()
    mockServer.use(resend.handler)
  })

  test('pages, the API and the health check answer 503 while it is away and work again within 5 s of its return', async () => {
    await getDb().selectFrom('users').select('id').execute()
    await proxy.cut()

    // The user's saved language is in the database that is away; the language cookie still names it.
    const swedish = (await localeCookie().serialize('sv')).split(';')[0]!
    const page = await thrownBy(
      rootLoader({ request: await getRequest('/', `${session}; ${swedish}`), params: {}, context }),
    )
    expect(statusOf(page)).toBe(503)
    // The error page is in the reader's language, with that language's messages for the browser.
    expect((page as { data: unknown }).data).toEqual({
      code: 'database_unavailable',
      locale: 'sv',
      messagesHref: expect.stringMatching(/^\/messages\/sv\?v=/),
    })

    const list = await thrownBy(reportsLoader({ request: await getRequest('/reports', session), params: {}, context }))
    expect(statusOf(list)).toBe(503)

    const api = (await meLoader({
      request: apiRequest('/api/v1/me', { token: apiToken }),
      params: {},
    })) as Response
    expect(api.status).toBe(503)
    expect(api.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(api.headers.get('Retry-After')).toBe('5')
    expect(await api.json()).toMatchObject({ status: 503, code: 'service_unavailable' })

    const health = (await healthLoader()) as Response
    expect(health.status).toBe(503)
    expect(await health.json()).toEqual({ status: 'error', db: 'unreachable' })

    await proxy.restore()
    const returned = Date.now()
    await expect.poll(async () => ((await healthLoader()) as Response).status, { timeout: 5_000 }).toBe(200)
    expect(Date.now() - returned).toBeLessThan(5_000)
    const me = (await meLoader({
      request: apiRequest('/api/v1/me', { token: apiToken }),
      params: {},
    })) as Response
    expect(me.status).toBe(200)
  })

  test('the email worker survives the outage and then sends every waiting email once', async () => {
    for (let index = 0; index < 6; index++) {
      await enqueueEmail(direct, {
        organisationId,
        recipientId: userId,
        kind: 'password_reset',
        payload: { url: `https://raportointi.example.fi/reset-password/outage-${index}`, expiresAt: '2026-12-31' },
        idempotencyKey: `outage-test/${index}`,
      })
    }
    // The provider takes the first email, and the connection dies before the worker can write that down.
    resend.answerNextLate(200)
    const stop = startEmailWorker(getDb(), { concurrency: 1, pollMs: 50, leaseMs: 1_000, sendTimeoutMs: 2_000 })
    await expect.poll(() => resend.requests.length, { timeout: 10_000 }).toBeGreaterThan(0)
    await proxy.cut()
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    await proxy.restore()
    await expect
      .poll(
        async () =>
          (
            await direct
              .selectFrom('email_jobs')
              .select('status')
              .where('idempotency_key', 'like', 'outage-test/%')
              .execute()
          ).filter((job) => job.status === 'sent').length,
        { timeout: 15_000 },
      )
      .toBe(6)
    await stop()
    const delivered = resend.delivered.map((email) => email.text)
    expect(delivered).toHaveLength(6)
    expect(new Set(delivered).size).toBe(6)
  })
})

describe('the embedded database closed under a running app', () => {
  test('pages and the API answer 503 instead of a server error', async () => {
    const working = getDb()
    const organisationId = (await createOrganisation(working)).id
    const user = await createUser(working, { organisationId, roles: ['worker'], email: 'closed-embedded@example.org' })
    const session = await signIn('closed-embedded@example.org')
    const token = (await mintApiToken(working, { userId: user.id, organisationId }, 'closed')).token
    const closed = wrapPglite(createPglite(), 'closed')
    await closed.close()
    setDb(closed.db)
    try {
      const page = await thrownBy(
        reportsLoader({ request: await getRequest('/reports', session), params: {}, context }),
      )
      expect(statusOf(page)).toBe(503)
      const api = (await meLoader({ request: apiRequest('/api/v1/me', { token }), params: {} })) as Response
      expect(api.status).toBe(503)
      expect(api.headers.get('Retry-After')).toBe('5')
    } finally {
      setDb(working)
    }
  })
})
