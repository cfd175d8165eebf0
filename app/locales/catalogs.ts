import { en } from './en.ts'
import { fi, type MessageKey } from './fi.ts'
import { sv } from './sv.ts'

export type Catalog = Record<MessageKey, string>

/**
 * Every language's messages, for the server. The browser resolves this module to browser-catalogs.ts instead
 * (package.json "imports", `browser` condition), so no catalog is ever bundled for it: it fetches the reader's.
 */
export const catalogs: Record<'fi' | 'sv' | 'en', Catalog> = { fi, sv, en }
