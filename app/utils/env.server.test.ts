import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env.server.ts'

describe('parseEnv', () => {
  test('with no configuration it runs in demo mode on the embedded database', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', demo: true, NODE_ENV: 'production' })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.secureCookies).toBe(false)
  })

  test('a database server turns demo mode off unless DEMO=true', () => {
    const url = 'postgres://app@db.example:5432/raportointi'
    expect(parseEnv({ DATABASE_URL: url })).toMatchObject({ demo: false, secureCookies: true })
    expect(parseEnv({ DATABASE_URL: url, DEMO: 'true' }).demo).toBe(true)
    expect(parseEnv({ DEMO: 'false' }).demo).toBe(false)
  })

  test('empty variables count as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: '' })).toMatchObject({ PORT: 3000, demo: true })
  })

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DEMO: 'yes' }, 'DEMO'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('a malformed %o stops with one line naming %s', (source, name) => {
    expect(() => parseEnv(source)).toThrow(EnvError)
    try {
      parseEnv(source)
    } catch (error) {
      const message = (error as Error).message
      expect(message).toMatch(new RegExp(`^Invalid environment variable ${name}: `))
      expect(message).not.toContain('\n')
    }
  })
})
