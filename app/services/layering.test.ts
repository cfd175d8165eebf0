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

// The embedded database's thread is the driver: it carries out the transactions services open and opens none itself.
const databaseDrivers = ['app/utils/pglite-worker.server.ts']
const sources = applicationCode.flatMap(sourcesUnder).filter((name) => !databaseDrivers.includes(name))

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

// Routes call services for every write; a loader may still read through a model when only organisation scoping
// applies (ADR 018). The rule read from the sources: a model function writes when its own text builds an insert,
// update, delete or merge (kysely's builders or raw sql), takes row or advisory locks, or calls a model function
// that does. No module in app/routes may import such a function. The naming convention (create…, update…, set…,
// mark…) backs the rule up: every exported model function named for a write must be found writing, so a writer of
// a shape the text rule does not know fails here rather than slipping past.
const modelsDir = 'app/models/'
const writeVerbs =
  /^(create|update|set|delete|insert|mark|follow|unfollow|retry|record|revoke|add|remove|move|rename|link|unlink|replace|save|schedule|enqueue|invalidate|touch|transition|clear|extend|release|claim|lock|make)(?![a-z])/
const writesItself =
  /\.\s*(insertInto|updateTable|deleteFrom|replaceInto|mergeInto|forUpdate|forNoKeyUpdate|forShare)\s*\(|\bsql\s*`\s*(insert|update|delete|merge|truncate)\b|pg_advisory/i

interface Declaration {
  file: string
  name: string
  exported: boolean
  text: string
}

/** Top-level functions and constants of a prettier-formatted module, each with its text up to the next one. */
function declarationsOf(file: string, source: string): Declaration[] {
  const starts = [...source.matchAll(/^(?:export\s+)?(?:async\s+)?(?:function\*?\s+(\w+)|(?:const|let)\s+(\w+))/gm)]
  return starts.map((start, index) => ({
    file,
    name: (start[1] ?? start[2])!,
    exported: start[0].startsWith('export'),
    text: source.slice(start.index, starts[index + 1]?.index ?? source.length),
  }))
}

/** The names of model functions that write, directly or through other model functions (to a fixed point). */
function writingFunctions(declarations: Declaration[]): Set<string> {
  const writers = new Set(declarations.filter((d) => writesItself.test(d.text)).map((d) => d.name))
  const calls = (text: string, name: string) => new RegExp(`(?<![.\\w'"\`])${name}\\s*\\(`).test(text)
  for (let grew = true; grew;) {
    grew = false
    for (const declaration of declarations) {
      if (writers.has(declaration.name) || ![...writers].some((name) => calls(declaration.text, name))) continue
      writers.add(declaration.name)
      grew = true
    }
  }
  return writers
}

/** What a module imports from app/models: the model file and each imported name, or `*` for a namespace import. */
function modelImportsOf(source: string): { model: string; name: string }[] {
  const imports = source.matchAll(
    /import\s+(type\s+)?([^'"]*?)\s+from\s+'(?:#app\/models\/|(?:\.\.\/)+models\/)([^']+)'/g,
  )
  return [...imports].flatMap(([, typeOnly, clause, model]) => {
    if (typeOnly) return []
    if (clause!.startsWith('*')) return [{ model: model!, name: '*' }]
    const named = clause!.match(/\{([^}]*)\}/)?.[1] ?? ''
    return named
      .split(',')
      .map((specifier) => specifier.trim())
      .filter((specifier) => specifier && !specifier.startsWith('type '))
      .map((specifier) => ({ model: model!, name: specifier.split(/\s+as\s+/)[0]! }))
  })
}

const modelDeclarations = sources
  .filter((name) => name.startsWith(modelsDir))
  .flatMap((name) => declarationsOf(name.slice(modelsDir.length), readSource(name)))
const writers = writingFunctions(modelDeclarations)
const writesThrough = (model: string, name: string) =>
  modelDeclarations.some(
    (d) => d.file === model && d.exported && (name === '*' || d.name === name) && writers.has(d.name),
  )

describe('routes write only through app/services', () => {
  test('recognises the model functions that write, directly or through a helper, and not those that read', () => {
    for (const name of ['follow', 'markRead', 'updateLocale', 'setIdentifyingNames', 'retryDeadEmailJob']) {
      expect(writers).toContain(name)
    }
    for (const name of ['listNotifications', 'countUnread', 'isFollowing', 'getSmallCountThreshold']) {
      expect(writers).not.toContain(name)
    }
    const helper = "function save(db: AppDb) {\n  return db.updateTable('users')\n}\n"
    const caller = 'export async function saveName(db: AppDb) {\n  await save(db)\n}\n'
    expect(writingFunctions(declarationsOf('x.server.ts', helper + caller)).has('saveName')).toBe(true)
    expect(writingFunctions(declarationsOf('x.server.ts', 'const a = sql`UPDATE users SET x = 1`')).has('a')).toBe(true)
    expect(
      modelImportsOf(
        "import { type A, b as c, d } from '#app/models/m.server.ts'\nimport * as n from '#app/models/n.server.ts'",
      ),
    ).toEqual([
      { model: 'm.server.ts', name: 'b' },
      { model: 'm.server.ts', name: 'd' },
      { model: 'n.server.ts', name: '*' },
    ])
  })

  test('every exported model function named for a write is found writing', () => {
    const named = modelDeclarations.filter((d) => d.exported && writeVerbs.test(d.name))
    expect(named.length).toBeGreaterThan(20)
    expect(named.filter((d) => !writers.has(d.name)).map((d) => `${d.file} ${d.name}`)).toEqual([])
  })

  test('no module in app/routes imports a model function that writes', () => {
    const routes = sources.filter((name) => name.startsWith('app/routes/'))
    expect(routes).toContain('app/routes/follows.ts')
    const offending = routes.flatMap((route) =>
      modelImportsOf(readSource(route))
        .filter(({ model, name }) => writesThrough(model, name))
        .map(({ model, name }) => `${route} imports ${name} from ${model}`),
    )
    expect(offending).toEqual([])
  })
})
