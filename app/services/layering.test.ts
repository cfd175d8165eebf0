import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

// A use case opens the one transaction it runs in, and only a service does that: models take the transaction they
// are given, routes and utils call services. Seeds, scripts, benchmarks and tests set up data outside this rule
// and are not read here.
const root = path.join(import.meta.dirname, '..', '..')
const applicationCode = ['app', 'emails', 'server.ts']
const servicesDir = 'app/services/'

function sourcesUnder(relative: string): string[] {
  const absolute = path.join(root, relative)
  if (/\.tsx?$/.test(relative)) return [relative]
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const child = path.posix.join(relative, entry.name)
    if (entry.isDirectory()) return sourcesUnder(child)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [child] : []
  })
}

/** `db.transaction()`, a chained `.transaction()` on its own line, kysely's `startTransaction()` and raw `begin`. */
function opensTransaction(source: string): boolean {
  return (
    /\.\s*(transaction|startTransaction)\s*\(/.test(source) || /\bsql\s*`\s*(begin|start transaction)\b/i.test(source)
  )
}

const sources = applicationCode.flatMap(sourcesUnder)

describe('transactions are opened only in app/services', () => {
  test('recognises every way of opening one, and not a parameter that receives one', () => {
    expect(sources).toContain('app/services/reports.server.ts')
    expect(sources).toContain('app/routes/settings.tsx')
    expect(opensTransaction('await db.transaction().execute(fn)')).toBe(true)
    expect(opensTransaction('return getDb()\n    .transaction()\n    .execute(fn)')).toBe(true)
    expect(opensTransaction('const trx = await db.startTransaction().execute()')).toBe(true)
    expect(opensTransaction('await sql`BEGIN`.execute(db)')).toBe(true)
    expect(opensTransaction('export async function save(trx: Transaction<Database>) {}')).toBe(false)
  })

  test('the services open transactions', () => {
    expect(sources.filter((name) => name.startsWith(servicesDir) && opensTransaction(readSource(name)))).not.toEqual([])
  })

  test('no module outside app/services opens one', () => {
    const outside = sources.filter((name) => !name.startsWith(servicesDir))
    expect(outside.filter((name) => opensTransaction(readSource(name)))).toEqual([])
  })
})

function readSource(name: string): string {
  return readFileSync(path.join(root, name), 'utf8')
}
