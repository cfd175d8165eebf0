import { createCookie } from '@remix-run/node'
import * as client from 'openid-client'
import { type ProviderClaims } from '#app/domain/single-sign-on.ts'
import { getEnv, type OidcSettings } from './env.server.ts'

const callbackPath = '/auth/oidc/callback'
/** Time allowed at the provider's sign-in form before the attempt must start again. */
const transactionSeconds = 10 * 60

let discovered: { issuer: string; configuration: Promise<client.Configuration> } | undefined

/** The provider's metadata and keys, fetched once; a failed fetch is tried again on the next sign-in. */
function configurationOf(settings: OidcSettings): Promise<client.Configuration> {
  if (discovered?.issuer !== settings.issuer) {
    const issuerUrl = new URL(settings.issuer)
    const configuration = client.discovery(issuerUrl, settings.clientId, settings.clientSecret, undefined, {
      // Plain http only for a provider on this machine (tests and local development), never across a network.
      execute: ['localhost', '127.0.0.1'].includes(issuerUrl.hostname) ? [client.allowInsecureRequests] : [],
    })
    configuration.catch(() => {
      discovered = undefined
    })
    discovered = { issuer: settings.issuer, configuration }
  }
  return discovered.configuration
}

/** State, nonce and PKCE verifier of one sign-in attempt, signed with the client secret and readable by no script. */
function transactionCookie(settings: OidcSettings) {
  return createCookie('sr_oidc', {
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET, which carries it.
    sameSite: 'lax',
    path: '/auth/oidc',
    secure: getEnv().secureCookies,
    maxAge: transactionSeconds,
    secrets: [settings.clientSecret],
  })
}

interface Transaction {
  state: string
  nonce: string
  codeVerifier: string
  redirectTo: string
}

/** Where the provider's sign-in starts, and the cookie that remembers this attempt until it comes back. */
export async function beginProviderSignIn(
  settings: OidcSettings,
  redirectTo: string,
): Promise<{ url: string; setCookie: string }> {
  const configuration = await configurationOf(settings)
  const transaction: Transaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectTo,
  }
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: `${getEnv().appUrl}${callbackPath}`,
    scope: 'openid email',
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
    code_challenge_method: 'S256',
  })
  return { url: url.href, setCookie: await transactionCookie(settings).serialize(transaction) }
}

export type ProviderAnswer =
  | { ok: true; issuer: string; claims: ProviderClaims; redirectTo: string }
  /** `denied`: the person or the provider said no; `expired`: no attempt of this browser is waiting; `failed`: checks failed. */
  | { ok: false; reason: 'denied' | 'expired' | 'failed' }

function isTransaction(value: unknown): value is Transaction {
  const fields = value as Partial<Record<keyof Transaction, unknown>> | null
  return (
    typeof fields?.state === 'string' &&
    typeof fields.nonce === 'string' &&
    typeof fields.codeVerifier === 'string' &&
    typeof fields.redirectTo === 'string'
  )
}

/**
 * Reads the provider's redirect back: openid-client checks the state against this browser's attempt, redeems the
 * code with the PKCE verifier, and validates the ID token (signature, issuer, audience, expiry, nonce).
 */
export async function finishProviderSignIn(settings: OidcSettings, request: Request): Promise<ProviderAnswer> {
  const currentUrl = new URL(request.url)
  // The callback is reached on the public address the provider redirected to, whatever the proxy in between says.
  const callbackUrl = new URL(`${getEnv().appUrl}${callbackPath}${currentUrl.search}`)
  const transaction: unknown = await transactionCookie(settings).parse(request.headers.get('Cookie'))
  if (currentUrl.searchParams.has('error')) return { ok: false, reason: 'denied' }
  if (!isTransaction(transaction)) return { ok: false, reason: 'expired' }
  try {
    const configuration = await configurationOf(settings)
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      pkceCodeVerifier: transaction.codeVerifier,
      idTokenExpected: true,
    })
    const idToken = tokens.claims()
    if (!idToken) return { ok: false, reason: 'failed' }
    // A provider may keep the email claims out of the ID token and give them only at its userinfo endpoint.
    const claims =
      idToken.email === undefined
        ? { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), sub: idToken.sub }
        : idToken
    return { ok: true, issuer: configuration.serverMetadata().issuer, claims, redirectTo: transaction.redirectTo }
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) return { ok: false, reason: 'denied' }
    console.warn('Single sign-on failed:', error instanceof Error ? error.message : error)
    return { ok: false, reason: 'failed' }
  }
}

/** Clears the attempt's cookie once the provider has answered, whatever the answer. */
export function endProviderSignIn(settings: OidcSettings): Promise<string> {
  return transactionCookie(settings).serialize('', { maxAge: 0 })
}
