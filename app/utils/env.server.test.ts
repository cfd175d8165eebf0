import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env.server.ts'

const singleSignOn = {
  OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  OIDC_CLIENT_ID: 'raportointi',
  OIDC_CLIENT_SECRET: 'salaisuus',
  OIDC_ALLOWED_EMAIL_DOMAINS: 'Hyvinvointialue.fi, @kunta.fi',
}

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
    [{ APP_URL: 'raportointi' }, 'APP_URL'],
    [{ RESEND_API_KEY: 're_123' }, 'EMAIL_FROM'],
    [{ EMAIL_WORKER: 'elsewhere' }, 'EMAIL_WORKER'],
    [{ ...singleSignOn, OIDC_ISSUER: 'login.microsoftonline' }, 'OIDC_ISSUER'],
    [{ ...singleSignOn, OIDC_ALLOWED_EMAIL_DOMAINS: 'hyvinvointialue.fi, ei domain' }, 'OIDC_ALLOWED_EMAIL_DOMAINS'],
    [{ ...singleSignOn, OIDC_CLIENT_SECRET: '' }, 'OIDC_CLIENT_SECRET'],
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

  test('email goes through Resend only with both a key and a sender; links use APP_URL', () => {
    expect(parseEnv({ PORT: '4000' })).toMatchObject({ resend: null, appUrl: 'http://localhost:4000' })
    const configured = parseEnv({
      RESEND_API_KEY: 're_123',
      EMAIL_FROM: 'Raportointi <noreply@example.fi>',
      APP_URL: 'https://raportointi.example.fi/',
    })
    expect(configured).toMatchObject({
      resend: { apiKey: 're_123', from: 'Raportointi <noreply@example.fi>' },
      appUrl: 'https://raportointi.example.fi',
    })
  })

  test('single sign-on is off unless its issuer, client and allowed domains are all set', () => {
    expect(parseEnv({}).oidc).toBeNull()
    expect(parseEnv(singleSignOn).oidc).toEqual({
      issuer: singleSignOn.OIDC_ISSUER,
      clientId: 'raportointi',
      clientSecret: 'salaisuus',
      allowedEmailDomains: ['hyvinvointialue.fi', 'kunta.fi'],
      buttonLabel: null,
    })
    expect(parseEnv({ ...singleSignOn, OIDC_BUTTON_LABEL: 'Kirjaudu Pohjanmaan tunnuksella' }).oidc?.buttonLabel).toBe(
      'Kirjaudu Pohjanmaan tunnuksella',
    )
  })
})
