import { describe, expect, inject, test } from 'vitest'
import { localeCookie } from '#app/utils/cookies.server.ts'

const base = () => inject('e2eBaseUrl')
const overLimit = 2 * 1024 * 1024

/** A body sent in chunks with no Content-Length, as a script can do, so only counting can stop it. */
function streamedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61)
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      controller.enqueue(chunk)
      sent += chunk.length
    },
  })
}

describe('request bodies over 1 MB', () => {
  test('a large form is refused with 413 and a page in the visitor’s language, before it is read', async () => {
    const finnish = await fetch(`${base()}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `email=a&password=${'x'.repeat(overLimit)}`,
    })
    expect(finnish.status).toBe(413)
    expect(finnish.headers.get('Content-Type')).toMatch(/^text\/html/)
    const finnishPage = await finnish.text()
    expect(finnishPage).toContain('Lähetys on liian suuri')
    expect(finnishPage).toContain('sallittu 1 Mt')

    const swedish = await fetch(`${base()}/reports/new`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: (await localeCookie().serialize('sv')).split(';')[0]!,
      },
      body: `title=${'x'.repeat(overLimit)}`,
    })
    expect(swedish.status).toBe(413)
    expect(await swedish.text()).toContain('Formuläret du skickade är större än tillåtna 1 MB')
  })

  test('a large JSON body gets 413 problem+json in the caller’s language', async () => {
    const response = await fetch(`${base()}/api/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', Authorization: 'Bearer srt_x' },
      body: JSON.stringify({ title: 'x'.repeat(overLimit) }),
    })
    expect(response.status).toBe(413)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(await response.json()).toMatchObject({
      status: 413,
      code: 'payload_too_large',
      detail: 'The request is too large. The largest size allowed is 1 MB.',
    })
  })

  test('a form streamed without a length is cut at the limit and answered 413', async () => {
    // With the anti-forgery cookie the form is worth reading, so only counting can stop it.
    const loginPage = await fetch(`${base()}/login`)
    const csrfCookie = loginPage.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ')
    const response = await fetch(`${base()}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
      body: streamedBody(overLimit),
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
  })

  test('a form within the limit is handled as before', async () => {
    const response = await fetch(`${base()}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `email=a&password=${'x'.repeat(500 * 1024)}`,
    })
    expect(response.status).toBeLessThan(500)
    expect(response.status).not.toBe(413)
  })
})
