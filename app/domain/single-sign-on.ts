/** What a provider's ID token says about the person signing in, as far as this app uses it. */
export interface ProviderClaims {
  sub: string
  email?: unknown
  email_verified?: unknown
  /** Microsoft Entra ID's optional claim: the email domain's owner has verified the address. */
  xms_edov?: unknown
}

export type VerifiedEmail =
  { ok: true; email: string } | { ok: false; reason: 'email_unverified' | 'email_domain_not_allowed' }

/**
 * The address an account may be found by: present, vouched for by the provider (OpenID's `email_verified`, or
 * Entra ID's `xms_edov`, which it sends instead), and in one of the county's own domains. An unverified address
 * could be anyone's, so it never links an account.
 */
export function verifiedEmailOf(claims: ProviderClaims, allowedDomains: readonly string[]): VerifiedEmail {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : ''
  if (!email || (claims.email_verified !== true && claims.xms_edov !== true)) {
    return { ok: false, reason: 'email_unverified' }
  }
  const domain = email.slice(email.lastIndexOf('@') + 1)
  if (!email.includes('@') || !allowedDomains.includes(domain)) return { ok: false, reason: 'email_domain_not_allowed' }
  return { ok: true, email }
}
