import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createUser } from '#tests/factories/index.ts'
import { runScript } from '#tests/process.ts'
import { apiRequest, formRequest, getRequest, payloadOf, signIn, statusOf } from '#tests/utils.ts'
import { hashToken } from '#app/utils/auth.server.ts'
import { getDb, openEmbeddedDatabase } from '#app/utils/db.server.ts'
import { demoAccounts } from '#app/utils/demo.server.ts'
import * as meApi from '#app/routes/api.v1.me.ts'
import * as settings from '#app/routes/settings.tsx'

const context = { clientIp: '192.0.2.40' }
let session: string

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db)
  const user = await createUser(db, { organisationId: organisation.id, roles: ['worker'] })
  session = await signIn(user.email)
})

async function settingsAction(fields: Record<string, string>) {
  const request = await formRequest('/settings', fields, { session })
  return settings.action({ request, params: {}, context })
}

async function listedTokens() {
  return payloadOf(await settings.loader({ request: await getRequest('/settings', session), params: {}, context }))
    .tokens as { id: string; name: string; last_used_at: Date | null; revoked_at: Date | null }[]
}

function me(token: string) {
  return meApi.loader({ request: apiRequest('/api/v1/me', { token }), params: {} })
}

describe('API tokens in the settings', () => {
  test('a created token is shown once, works, is listed by name only and stops working once revoked', async () => {
    const created = payloadOf(await settingsAction({ intent: 'createToken', name: 'Tilastointi' }))
    expect(created.token).toMatch(/^srt_[\w-]{43}$/)

    expect((await me(created.token)).status).toBe(200)
    const [listed] = await listedTokens()
    expect(listed).toMatchObject({ name: 'Tilastointi', revoked_at: null })
    expect(listed!.last_used_at).not.toBeNull()
    expect(JSON.stringify(await listedTokens())).not.toContain(created.token)
    const stored = await getDb()
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', listed!.id)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).toBe(hashToken(created.token))

    await settingsAction({ intent: 'revokeToken', tokenId: listed!.id })
    expect((await me(created.token)).status).toBe(401)
    expect((await listedTokens())[0]!.revoked_at).not.toBeNull()
  })

  test('a token needs a name', async () => {
    const result = await settingsAction({ intent: 'createToken', name: '  ' })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({ name: 'settings.tokens.nameRequired' })
  })
})

describe('npm run token', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sr-token-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  test('prints only a working token for the user, and refuses an unknown email', { timeout: 180_000 }, async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' }
    expect((await runScript('db/seed-cli.ts', [], env)).code).toBe(0)
    const email = demoAccounts[0]!.email
    const minted = await runScript('scripts/token.ts', ['--email', email, '--name', 'Raportointirobotti'], env)
    expect(minted.stderr).toBe('')
    expect(minted.code).toBe(0)
    expect(minted.stdout).toMatch(/^srt_[\w-]{43}\n$/)

    const unknown = await runScript('scripts/token.ts', ['--email', 'nobody@example.org'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('nobody@example.org')

    const usage = await runScript('scripts/token.ts', [], env)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('--email')

    const database = await openEmbeddedDatabase(dataDir, 'test check')
    try {
      const stored = await database.db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select(['users.email', 'api_tokens.name', 'api_tokens.token_hash'])
        .execute()
      expect(stored).toEqual([{ email, name: 'Raportointirobotti', token_hash: hashToken(minted.stdout.trim()) }])
    } finally {
      await database.close()
    }
  })
})
