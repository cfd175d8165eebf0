import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type TestProject } from 'vitest/node'
import { type ProviderAccount, startTestOidcProvider } from '../oidc-provider.ts'

// The test runner's own variables would make Vite leave the Remix plugin out of the build.
const appEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
) as NodeJS.ProcessEnv

const port = 3500 + Math.floor(Math.random() * 400)

async function waitForHealth(url: string, deadline: number) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The app did not answer ${url} in time`)
}

/** People at the county's sign-in service: the demo coordinator, and someone no admin has added to the app. */
const ssoAccounts = {
  member: { login: 'kaisa', email: 'koordinaattori@demo.example', emailVerified: true },
  outsider: { login: 'olli', email: 'olli.ulkopuolinen@demo.example', emailVerified: true },
} satisfies Record<string, ProviderAccount>

/** Builds the app and serves it in demo mode on a fresh embedded database, as `npm start` does. */
export default async function globalSetup(project: TestProject) {
  const build = spawnSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'vite:build'], {
    env: { ...appEnv, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error('The build for the browser tests failed')
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sr-e2e-'))
  const baseUrl = `http://127.0.0.1:${port}`
  // The county's sign-in service: a real OpenID Connect provider.
  const provider = await startTestOidcProvider({
    redirectUri: `${baseUrl}/auth/oidc/callback`,
    accounts: Object.values(ssoAccounts),
  })
  const oidcEnv = {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_ALLOWED_EMAIL_DOMAINS: 'demo.example',
  }
  // No RESEND_API_KEY: emails go to the local mailbox, and their links point at this server.
  const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...appEnv,
      ...oidcEnv,
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO: 'true',
      APP_URL: baseUrl,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitForHealth(`${baseUrl}/healthz`, Date.now() + 120_000)
  project.provide('e2eBaseUrl', baseUrl)
  project.provide('e2eSsoAccounts', ssoAccounts)
  return async () => {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    rmSync(dataDir, { recursive: true, force: true })
    await provider.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string
    e2eSsoAccounts: Record<'member' | 'outsider', ProviderAccount>
  }
}
