import type { Catalog } from './catalogs.ts'

export type { Catalog }

/** In the browser: only the reader's language, added by loadCatalog (app/utils/messages.ts) once fetched. */
export const catalogs: Partial<Record<'fi' | 'sv' | 'en', Catalog>> = {}
