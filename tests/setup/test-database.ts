import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { createPglite, openServerDatabase, wrapPglite, type OpenDatabase } from '#app/utils/db.server.ts'

export const templateDatabaseName = 'sr_test_template'

function serverUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/** A private, migrated database for one test file: a PGlite copy of the template, or a server database cloned from it. */
export async function openIsolatedDatabase(pgliteTemplate: string): Promise<OpenDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const dump = await readFile(pgliteTemplate)
    const pglite = createPglite(undefined, new Blob([dump]))
    await pglite.waitReady
    return wrapPglite(pglite, 'in-memory PGlite')
  }
  const name = `sr_test_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name} template ${templateDatabaseName}`)
  await admin.end()
  const database = openServerDatabase(serverUrlFor(serverUrl, name))
  return {
    ...database,
    close: async () => {
      await database.close()
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name}`)
      await cleanup.end()
    },
  }
}

export { serverUrlFor }
