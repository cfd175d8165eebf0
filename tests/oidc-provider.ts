import { createServer, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'

/** A person the provider knows: the login name typed on its sign-in form and the claims it vouches for. */
export interface ProviderAccount {
  login: string
  email: string
  emailVerified: boolean
}

export interface TestOidcProvider {
  issuer: string
  clientId: string
  clientSecret: string
  close: () => Promise<void>
}

export const testOidcClient = { clientId: 'sosiaalinen-raportointi', clientSecret: 'test-client-secret-long-enough' }

/**
 * A real OpenID Connect provider (oidc-provider) listening on a free local port, with one confidential client
 * that must use PKCE and the given redirect URI. Its development sign-in form takes any password; the login
 * name picks the account. Consent is granted up front, as for a county's own application.
 */
export async function startTestOidcProvider(options: {
  redirectUri: string
  accounts: ProviderAccount[]
}): Promise<TestOidcProvider> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const accounts = new Map(options.accounts.map((account) => [account.login, account]))
  const configuration: Configuration = {
    clients: [
      {
        client_id: testOidcClient.clientId,
        client_secret: testOidcClient.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['test-oidc-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_context, accountId) => {
      const account = accounts.get(accountId)
      if (!account) return undefined
      return {
        accountId,
        claims: () => ({ sub: accountId, email: account.email, email_verified: account.emailVerified }),
      }
    },
    // The county's own application: no consent screen, only the sign-in form.
    loadExistingGrant: async (context) => {
      const grant = new context.oidc.provider.Grant({
        clientId: context.oidc.client!.clientId,
        accountId: context.oidc.session!.accountId!,
      })
      grant.addOIDCScope('openid email')
      await grant.save()
      return grant
    },
  }
  const provider = new Provider(issuer, configuration)
  server.on('request', provider.callback())
  return {
    issuer,
    ...testOidcClient,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // A browser keeps its connections open; they must not hold the provider up.
      server.closeAllConnections()
      return closed
    },
  }
}

/**
 * Follows the browser's path through the provider without a browser: from the app's authorization redirect
 * through the sign-in form (as `login`) to the redirect back to the app's callback, whose URL is returned.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>()
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const [name, ...value] = pair!.split('=')
      cookies.set(name!, value.join('='))
    }
  }
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  let url = new URL(authorizationUrl)
  let body: URLSearchParams | undefined
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      body,
      headers: { cookie: cookieHeader() },
      redirect: 'manual',
    })
    remember(response)
    body = undefined
    const location = response.headers.get('location')
    if (location) {
      const next = new URL(location, url)
      if (next.origin !== url.origin) return next
      url = next
      continue
    }
    const page = await response.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1]
    if (!action || !page.includes('name="login"')) throw new Error(`The provider answered ${response.status}: ${page}`)
    url = new URL(action.replaceAll('&amp;', '&'), url)
    body = new URLSearchParams({ prompt: 'login', login, password: 'any' })
  }
  throw new Error('The provider kept redirecting')
}
