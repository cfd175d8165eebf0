import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { type TestProject } from 'vitest/node'
import { createPglite, migrateToLatest, openServerDatabase, wrapPglite } from '#app/utils/db.server.ts'
import { serverUrlFor, templateDatabaseName } from './test-database.ts'

/** Migrates one template database; every test file then starts from a copy of it. */
export default async function globalSetup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${templateDatabaseName}`)
    await admin.query(`create database ${templateDatabaseName}`)
    await admin.end()
    const template = openServerDatabase(serverUrlFor(serverUrl, templateDatabaseName))
    await migrateToLatest(template.db)
    await template.close()
    project.provide('pgliteTemplate', '')
    return
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sr-test-template-'))
  const pglite = createPglite()
  const template = wrapPglite(pglite, 'template')
  await migrateToLatest(template.db)
  const dump = await pglite.dumpDataDir('none')
  const file = path.join(folder, 'template.tar')
  await writeFile(file, Buffer.from(await dump.arrayBuffer()))
  await template.close()
  project.provide('pgliteTemplate', file)
  return async () => {
    await rm(folder, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
  }
}
