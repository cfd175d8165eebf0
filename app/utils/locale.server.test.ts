import { describe, expect, test } from 'vitest'
import { localeCookie } from './cookies.server.ts'
import { getRequestLocale } from './locale.server.ts'

const request = (headers: Record<string, string>) => new Request('http://localhost/login', { headers })

describe('the language of a request', () => {
  test('a first visit from a Swedish-speaking browser is answered in Swedish', async () => {
    expect(await getRequestLocale(request({ 'Accept-Language': 'sv-FI,sv;q=0.9,en;q=0.5' }))).toBe('sv')
  })

  test("the browser's preference order and weights decide among the languages we have", async () => {
    expect(await getRequestLocale(request({ 'Accept-Language': 'de-DE,en-GB;q=0.8,fi;q=0.7' }))).toBe('en')
    expect(await getRequestLocale(request({ 'Accept-Language': 'en;q=0.4,fi-FI;q=0.9' }))).toBe('fi')
  })

  test('a browser asking only for languages we do not have, or nothing, gets Finnish', async () => {
    expect(await getRequestLocale(request({ 'Accept-Language': 'de-DE,fr;q=0.8' }))).toBe('fi')
    expect(await getRequestLocale(request({}))).toBe('fi')
    expect(await getRequestLocale(request({ 'Accept-Language': ';;,q=x' }))).toBe('fi')
  })

  test('a language chosen on this browser wins over the browser, and the saved profile over both', async () => {
    const cookie = (await localeCookie().serialize('en')).split(';')[0]!
    const chosen = request({ 'Accept-Language': 'sv-FI', Cookie: cookie })
    expect(await getRequestLocale(chosen)).toBe('en')
    expect(await getRequestLocale(chosen, 'fi')).toBe('fi')
  })
})
