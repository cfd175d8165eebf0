import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

// The domain holds the rules and the value lists the database types are derived from; it must not lean on the
// database layer it defines those types for.
const domainDir = import.meta.dirname
// This file is left out: its examples below name the models folder on purpose.
const sources = readdirSync(domainDir).filter((name) => /\.tsx?$/.test(name) && name !== 'layering.test.ts')

/** Every module specifier in the source: static imports and re-exports, side-effect imports and `import()`. */
function specifiers(source: string): string[] {
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]/g]
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!))
}

const root = path.join(domainDir, '..', '..')

/** `#app/models/x.ts` and `../models/x.ts` alike. */
function intoModels(specifier: string): boolean {
  const resolved = specifier.startsWith('.') ? path.relative(root, path.join(domainDir, specifier)) : specifier
  return /^(#app|app)\/models\//.test(resolved)
}

describe('app/domain layering', () => {
  test('reads every import form and both ways of naming the models folder', () => {
    expect(sources).toContain('report-status.ts')
    const sample = [
      "import { z } from 'zod'",
      "import { type A } from '#app/models/database.ts'",
      "export { b } from '../models/report.server.ts'",
      "import './side-effect.ts'",
      "const c = await import('#app/models/user.server.ts')",
    ].join('\n')
    expect(specifiers(sample).filter(intoModels)).toEqual([
      '#app/models/database.ts',
      '../models/report.server.ts',
      '#app/models/user.server.ts',
    ])
  })

  test.each(sources)('%s imports nothing from app/models', (name) => {
    const imports = specifiers(readFileSync(path.join(domainDir, name), 'utf8'))
    expect(imports.filter(intoModels)).toEqual([])
  })
})
