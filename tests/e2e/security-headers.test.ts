import { type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { launchBrowser, signedInPage } from './browser.ts'

const baseUrl = inject('e2eBaseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

type HeaderMap = Record<string, string>

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${path}`, { headers, redirect: 'manual' })
}

function directives(headers: HeaderMap): Map<string, string> {
  const policy = headers['content-security-policy'] ?? ''
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )
}

function nonceOf(headers: HeaderMap): string {
  const nonce = /'nonce-([^']+)'/.exec(directives(headers).get('script-src') ?? '')?.[1]
  expect(nonce, 'the nonce in script-src').toBeTruthy()
  return nonce!
}

/** What every response of the app carries; the e2e server runs in demo mode over plain HTTP, so without HSTS. */
function expectSecurityHeaders(headers: HeaderMap) {
  const policy = directives(headers)
  expect(policy.get('default-src')).toBe("'self'")
  expect(policy.get('script-src')).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]+={0,2}'$/)
  expect(policy.get('script-src-attr')).toBe("'none'")
  expect(policy.get('style-src')).toBe(`'self' 'nonce-${nonceOf(headers)}'`)
  expect(policy.get('object-src')).toBe("'none'")
  expect(policy.get('base-uri')).toBe("'none'")
  expect(policy.get('form-action')).toBe("'self'")
  expect(policy.get('frame-ancestors')).toBe("'none'")
  expect(headers['content-security-policy']).not.toContain('unsafe')
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
  })
  expect(headers['permissions-policy']).toContain('camera=()')
  expect(headers['permissions-policy']).toContain('microphone=()')
  expect(headers['permissions-policy']).toContain('geolocation=()')
  expect(headers['strict-transport-security']).toBeUndefined()
}

function inlineScripts(html: string): string[] {
  return html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []
}

// The login page sends no script at all (ADR 029), so the pages with scripts are tried on the next public page.
const pageWithScripts = '/forgot-password'

test('a page carries the headers, and its inline scripts the nonce of its own response', async () => {
  const first = await get(pageWithScripts)
  const second = await get(pageWithScripts)
  expect(first.status).toBe(200)
  const headers = Object.fromEntries(first.headers)
  expectSecurityHeaders(headers)
  const nonce = nonceOf(headers)
  expect(nonceOf(Object.fromEntries(second.headers))).not.toBe(nonce)
  const scripts = inlineScripts(await first.text())
  expect(scripts.length).toBeGreaterThan(0)
  for (const script of scripts) expect(script).toContain(` nonce="${nonce}"`)
})

test('the API, a not-found page, a redirect and static files carry the headers too', async () => {
  const api = await get('/api/v1/me')
  expect(api.status).toBe(401)
  expectSecurityHeaders(Object.fromEntries(api.headers))

  const notFound = await get('/ei-tallaista-sivua')
  expect(notFound.status).toBe(404)
  const notFoundHeaders = Object.fromEntries(notFound.headers)
  expectSecurityHeaders(notFoundHeaders)
  for (const script of inlineScripts(await notFound.text())) {
    expect(script).toContain(` nonce="${nonceOf(notFoundHeaders)}"`)
  }

  const redirect = await get('/settings')
  expect(redirect.status).toBe(302)
  expect(redirect.headers.get('location')).toBe('/login?redirectTo=%2Fsettings')
  expectSecurityHeaders(Object.fromEntries(redirect.headers))

  const favicon = await get('/favicon.svg')
  expect(favicon.status).toBe(200)
  expectSecurityHeaders(Object.fromEntries(favicon.headers))
})

test('hashed assets are cached for good, and scripts and pages are sent compressed', async () => {
  const html = await (await get(pageWithScripts)).text()
  const scriptPath =
    /<script[^>]*\ssrc="(\/assets\/[^"]+\.js)"|<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(html)
  const asset = scriptPath?.[1] ?? scriptPath?.[2]
  expect(asset, 'a script under /assets on a public page').toBeTruthy()
  for (const encoding of ['br', 'gzip']) {
    const script = await get(asset!, { 'Accept-Encoding': encoding })
    expect(script.status).toBe(200)
    const headers = Object.fromEntries(script.headers)
    expectSecurityHeaders(headers)
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(headers['content-encoding']).toBe(encoding)
    expect(headers['content-type']).toMatch(/javascript/)
    const page = await get(pageWithScripts, { 'Accept-Encoding': encoding })
    expect(page.headers.get('content-encoding')).toBe(encoding)
    expect(await page.text()).toContain('<!DOCTYPE html>')
  }
  const stylesheet = /<link rel="stylesheet" href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1]
  expect(stylesheet, 'the stylesheet under /assets').toBeTruthy()
  expect((await get(stylesheet!, { 'Accept-Encoding': 'br' })).headers.get('content-encoding')).toBe('br')
  const json = await get('/api/v1/openapi.json', { 'Accept-Encoding': 'gzip' })
  expect(json.headers.get('content-encoding')).toBe('gzip')
})

test('the exported welfare report styles itself with its response’s nonce; the other exports carry the headers', async () => {
  const page = await signedInPage(browser, 'koordinaattori@demo.example')
  await page.goto('/welfare-reports')
  const reportPath = await page.locator('main a[href^="/welfare-reports/"]').first().getAttribute('href')
  expect(reportPath).toMatch(/^\/welfare-reports\/[0-9a-f-]{36}$/)
  const html = await page.request.get(`${reportPath}/export.html`)
  expect(html.status()).toBe(200)
  const headers = html.headers()
  expectSecurityHeaders(headers)
  expect(await html.text()).toContain(`<style nonce="${nonceOf(headers)}">`)
  for (const format of ['csv', 'md']) {
    const file = await page.request.get(`${reportPath}/export.${format}`)
    expect(file.status()).toBe(200)
    expectSecurityHeaders(file.headers())
  }
  await page.context().close()
})

test('an email in the local mailbox is the one document that may be framed, by this site only, sandboxed', async () => {
  const response = await get('/admin/mailbox/00000000-0000-4000-8000-000000000000/html')
  const headers = Object.fromEntries(response.headers)
  expect(headers['content-security-policy']).toBe(
    "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'self';style-src 'unsafe-inline';sandbox",
  )
  expect(headers['x-frame-options']).toBe('SAMEORIGIN')
  expect(headers['x-content-type-options']).toBe('nosniff')
})
