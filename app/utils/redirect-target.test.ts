import { describe, expect, test } from 'vitest'
import { safeRedirectPath } from './redirect-target.ts'

describe('a user-supplied redirect target', () => {
  test.each([
    ['/reports', '/reports'],
    ['/reports?status=submitted&q=vuokra#top', '/reports?status=submitted&q=vuokra#top'],
    ['/reports/%C3%A4', '/reports/%C3%A4'],
    ['/hae?q=ä€', '/hae?q=%C3%A4%E2%82%AC'],
    ['/a//b', '/a//b'],
  ])('stays on the site: %j → %j', (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected)
  })

  test.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['a tab the browser drops', '/\t/evil.example'],
    ['a line break the browser drops', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a header injection', '/ok\r\nSet-Cookie: sr_session=x'],
    ['a NUL character', '/\u0000/evil.example'],
    ['an encoded tab', '/%09/evil.example'],
    ['an encoded slash pair', '/%2F%2Fevil.example'],
    ['an encoded slash', '/%2Fevil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['an encoded line break', '/%0D%0ASet-Cookie:x'],
    ['a dot segment that leaves two slashes', '/.//evil.example'],
    ['a parent segment that leaves two slashes', '/..//evil.example'],
    ['an encoded dot segment', '/%2e//evil.example'],
    ['a broken percent escape', '/%E4'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a relative path', 'reports'],
    ['an empty string', ''],
    ['no string at all', ['/reports']],
  ])('falls back to the home page: %s', (_, target) => {
    expect(safeRedirectPath(target)).toBe('/')
  })

  test('whatever the target, the answer is a valid Location header', () => {
    for (const target of ['/a\uD800', '/a%ED%A0%80', '/ä€', '/\u00ff', '/a b']) {
      const path = safeRedirectPath(target)
      expect(() => new Headers({ Location: path }), target).not.toThrow()
      expect(path, target).toMatch(/^\/[\x21-\x7e]*$/)
    }
  })
})
