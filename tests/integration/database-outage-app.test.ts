import { type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { http, passthrough } from 'msw'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startScript, waitForExit } from '#tests/process.ts'
import { mockServer } from '#tests/setup/setup-test-env.ts'
import { serverUrlFor, templateDatabaseName } from '#tests/setup/test-database.ts'
import { startTcpProxy, type TcpProxy } from '#tests/tcp-proxy.ts'
import { localeCookie } from '#app/utils/cookies.server.ts'
import { demoAccounts, demoPassword } from '#app/utils/demo.server.ts'

const serverUrl = process.env.TEST_DATABASE_URL

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .join('; ')
}

// `npm start` on a PostgreSQL server, reached through a relay the test cuts and restores.
describe.skipIf(!serverUrl)('the app on a database server that blinks', () => {
  const databaseName = `sr_outage_${randomUUID().replaceAll('-', '')}`
  const port = 4100 + Math.floor(Math.random() * 800)
  const base = `http://127.0.0.1:${port}`
  let proxy: TcpProxy
  let app: ChildProcess

  async function admin(statement: string) {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(statement)
    await client.end()
  }

  beforeAll(async () => {
    mockServer.use(http.all(`${base}/*`, () => passthrough()))
    await admin(`create database ${databaseName} template ${templateDatabaseName}`)
    const target = new URL(serverUrl!)
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    const viaProxy = new URL(serverUrlFor(serverUrl!, databaseName))
    viaProxy.host = `127.0.0.1:${proxy.port}`
    app = await startScript(
      'server.ts',
      [],
      {
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: viaProxy.toString(),
        DEMO: 'true',
        EMAIL_WORKER: 'off',
        APP_URL: base,
        // `npm start` builds first when the build is missing or old; the runner's flag would leave Remix out of it.
        VITEST: '',
      },
      'is running at',
      300_000,
    )
  }, 310_000)

  afterAll(async () => {
    app?.kill('SIGTERM')
    if (app) await waitForExit(app)
    await proxy?.stop()
    await admin(`drop database if exists ${databaseName}`)
  })

  test('stays up, answers 503 in the user’s language while the database is away, and recovers within 5 s', async () => {
    const loginPage = await fetch(`${base}/login`)
    const csrfToken = /name="csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!
    const login = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookiesOf(loginPage), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: demoAccounts[0]!.email, password: demoPassword, csrf: csrfToken }),
    })
    expect(login.status).toBe(302)
    const swedish = (await localeCookie().serialize('sv')).split(';')[0]!
    const cookies = `${cookiesOf(login)}; ${swedish}`
    expect((await fetch(`${base}/reports`, { headers: { Cookie: cookies } })).status).toBe(200)

    await proxy.cut()

    const page = await fetch(`${base}/reports`, { headers: { Cookie: cookies } })
    expect(page.status).toBe(503)
    expect(await page.text()).toContain('Tjänsten är tillfälligt otillgänglig')

    const api = await fetch(`${base}/api/v1/me`, { headers: { Authorization: 'Bearer srt_unknown-token' } })
    expect(api.status).toBe(503)
    expect(api.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(api.headers.get('Retry-After')).toBe('5')

    const health = await fetch(`${base}/healthz`)
    expect(health.status).toBe(503)
    expect(await health.json()).toEqual({ status: 'error', db: 'unreachable' })

    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(app.exitCode).toBeNull()

    await proxy.restore()
    const returned = Date.now()
    await expect.poll(async () => (await fetch(`${base}/healthz`)).status, { timeout: 5_000, interval: 100 }).toBe(200)
    expect(Date.now() - returned).toBeLessThan(5_000)
    expect((await fetch(`${base}/reports`, { headers: { Cookie: cookies } })).status).toBe(200)
    expect(app.exitCode).toBeNull()
  })
})
