import { describe, expect, test } from 'vitest'
import { verifiedEmailOf } from './single-sign-on.ts'

const domains = ['hyvinvointialue.fi']

describe('the address single sign-on finds an account by', () => {
  test('is the verified address, lower-cased, in an allowed domain', () => {
    const claims = { sub: 'a', email: ' Anna.Aalto@Hyvinvointialue.fi', email_verified: true }
    expect(verifiedEmailOf(claims, domains)).toEqual({ ok: true, email: 'anna.aalto@hyvinvointialue.fi' })
  })

  test('Entra ID’s domain-owner-verified claim counts as verified', () => {
    const claims = { sub: 'a', email: 'anna.aalto@hyvinvointialue.fi', xms_edov: true }
    expect(verifiedEmailOf(claims, domains).ok).toBe(true)
  })

  test.each([
    [{ sub: 'a', email: 'anna.aalto@hyvinvointialue.fi' }, 'email_unverified'],
    [{ sub: 'a', email: 'anna.aalto@hyvinvointialue.fi', email_verified: 'true' }, 'email_unverified'],
    [{ sub: 'a', email_verified: true }, 'email_unverified'],
    [{ sub: 'a', email: 'anna@muu.fi', email_verified: true }, 'email_domain_not_allowed'],
    // A subdomain or a look-alike is another domain.
    [{ sub: 'a', email: 'anna@x.hyvinvointialue.fi', email_verified: true }, 'email_domain_not_allowed'],
    [{ sub: 'a', email: 'anna@hyvinvointialue.fi.example.com', email_verified: true }, 'email_domain_not_allowed'],
    [{ sub: 'a', email: 'hyvinvointialue.fi', email_verified: true }, 'email_domain_not_allowed'],
  ])('%o is refused as %s', (claims, reason) => {
    expect(verifiedEmailOf(claims, domains)).toEqual({ ok: false, reason })
  })
})
