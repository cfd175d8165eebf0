import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { gzipSync } from 'node:zlib'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { type Browser, chromium } from 'playwright-core'
import { demoPassword } from '#app/utils/demo.server.ts'
import { findFreePort } from './servers.ts'

/**
 * What a browser downloads for the first pages a person opens, and Lighthouse's scores for the two pages used most
 * (ADR 029). The app runs as `npm start` runs it by default: demo mode on a fresh embedded database.
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync']
// A team lead both writes reports and reviews the team's queue.
const leadEmail = 'tiiminvetaja@demo.example'
const startTimeoutMs = 5 * 60_000

interface Figure {
  name: string
  measured: number
  limit: number
  /** Whether the goal is a ceiling (bytes) or a floor (scores). */
  kind: 'at most' | 'at least'
  unit: string
}

/** Measures and prints one line per figure as it comes; returns the figures. */
export async function measurePageWeight(): Promise<Figure[]> {
  console.log('\nPage weight and Lighthouse (demo app on a fresh embedded database, headless Chromium):')
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sr-page-weight-'))
  const app = await startDemoApp(dataDir)
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] })
    let figures: Figure[]
    let cookie: string
    try {
      const login = await scriptWeight(browser, app.url, '/login', null)
      cookie = await signIn(browser, app.url)
      const reportForm = await scriptWeight(browser, app.url, '/reports/new', cookie)
      figures = [
        kilobytes('login page: JavaScript, gzip', login.scriptGzipBytes, 60),
        kilobytes('report form: JavaScript, gzip', reportForm.scriptGzipBytes, 100),
      ]
      printPageWeight(figures)
      console.log(
        `  (the report form also fetches its messages, ${formatKilobytes(reportForm.messagesGzipBytes)} gzip, once per language and release)`,
      )
    } finally {
      await browser.close()
    }
    for (const [name, pagePath] of [
      ['report form', '/reports/new'],
      ['review queue', '/review'],
    ] as const) {
      const scores = await lighthouseScores(`${app.url}${pagePath}`, cookie)
      const scored = [
        score(`${name}: Lighthouse performance`, scores.performance, 95),
        score(`${name}: Lighthouse accessibility`, scores.accessibility, 100),
      ]
      printPageWeight(scored)
      figures.push(...scored)
    }
    return figures
  } finally {
    await app.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** One line per figure: what was measured, the goal, their ratio and whether the goal is met. */
function printPageWeight(figures: Figure[]) {
  const width = 38
  for (const figure of figures) {
    const met = figure.kind === 'at most' ? figure.measured <= figure.limit : figure.measured >= figure.limit
    const value = (amount: number) => `${figure.unit === 'kB' ? amount.toFixed(1) : String(amount)} ${figure.unit}`
    console.log(
      `  ${figure.name.padEnd(width)}   ${value(figure.measured).padStart(9)}   goal ${figure.kind} ${value(figure.limit).padStart(8)}` +
        `   ratio ${(figure.measured / figure.limit).toFixed(2)}   ${met ? 'goal met' : 'GOAL NOT MET'}`,
    )
  }
}

/**
 * Opens the page in a fresh browser context (nothing cached) and adds up the scripts it loaded, each gzipped as the
 * server gzips (zlib's default level), since Chromium is sent brotli; the messages it fetched are counted apart.
 */
async function scriptWeight(browser: Browser, baseUrl: string, pagePath: string, cookie: string | null) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fi-FI' })
  if (cookie) await context.setExtraHTTPHeaders({ Cookie: cookie })
  const page = await context.newPage()
  const loaded: Promise<{ type: string; url: string; body: Buffer }>[] = []
  page.on('response', (response) => {
    loaded.push(
      response.body().then((body) => ({ type: response.request().resourceType(), url: response.url(), body })),
    )
  })
  const response = await page.goto(pagePath, { waitUntil: 'networkidle' })
  if (response?.status() !== 200) throw new Error(`GET ${pagePath} answered ${response?.status()}, not 200`)
  if (new URL(page.url()).pathname !== pagePath) throw new Error(`GET ${pagePath} ended at ${page.url()}`)
  const bodies = await Promise.all(loaded)
  await context.close()
  const gzipBytes = (entries: typeof bodies) => entries.reduce((sum, entry) => sum + gzipSync(entry.body).length, 0)
  return {
    scriptGzipBytes: gzipBytes(bodies.filter((entry) => entry.type === 'script')),
    messagesGzipBytes: gzipBytes(bodies.filter((entry) => new URL(entry.url).pathname.startsWith('/messages/'))),
  }
}

/** Signs in through the login form as a person would and returns the session's cookies for Lighthouse. */
async function signIn(browser: Browser, baseUrl: string): Promise<string> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fi-FI' })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Sähköpostiosoite').fill(leadEmail)
  await page.getByLabel('Salasana').fill(demoPassword)
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
  const cookies = await context.cookies()
  await context.close()
  return cookies.map(({ name, value }) => `${name}=${value}`).join('; ')
}

/**
 * Lighthouse's default run (a phone on a throttled network), headless Chromium, signed in through the Cookie header.
 * Tried twice: now and then Chromium's trace misses the navigation's start (NO_NAVSTART), which says nothing of the page.
 */
async function lighthouseScores(url: string, cookie: string) {
  try {
    return await lighthouseRun(url, cookie)
  } catch (error) {
    console.log(`  (${error instanceof Error ? error.message : String(error)}; trying once more)`)
    return lighthouseRun(url, cookie)
  }
}

async function lighthouseRun(url: string, cookie: string) {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: { Cookie: cookie },
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { categories, finalDisplayedUrl, runtimeError } = result.lhr
    if (runtimeError) throw new Error(`Lighthouse could not load ${url}: ${runtimeError.message}`)
    if (new URL(finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`Lighthouse ended at ${finalDisplayedUrl}, not ${url}: the cookie did not sign it in`)
    }
    const failed = Object.values(result.lhr.audits).filter(
      (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary',
    )
    if (failed.length > 0) console.log(`  (${url}: audits not passed: ${failed.map(describeAudit).join('; ')})`)
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    }
  } finally {
    chrome.kill()
  }
}

/** An audit's name and the first element it found at fault, so a failure points at what to fix. */
function describeAudit(audit: { id: string; details?: unknown }) {
  const items = (audit.details as { items?: { node?: { selector?: string } }[] } | undefined)?.items ?? []
  const selector = items.find((item) => item.node?.selector)?.node?.selector
  return selector ? `${audit.id} at ${selector}` : audit.id
}

/** The app as `npm start` starts it (building first if the sources changed), in demo mode on its own embedded database. */
async function startDemoApp(dataDir: string) {
  const port = await findFreePort()
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, DEMO: 'true', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await exited
  }
  const deadline = Date.now() + startTimeoutMs
  while (
    !(await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error('the app did not come up (see its output above)')
    }
    await delay(250)
  }
  return { url, stop }
}

const kilobytes = (name: string, bytes: number, limitKilobytes: number): Figure => ({
  name,
  measured: bytes / 1000,
  limit: limitKilobytes,
  kind: 'at most',
  unit: 'kB',
})
const score = (name: string, measured: number, limit: number): Figure => ({
  name,
  measured,
  limit,
  kind: 'at least',
  unit: 'points',
})
const formatKilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

if (import.meta.main) {
  try {
    await measurePageWeight()
  } catch (error) {
    console.error(`Page weight bench failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
