import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

export const DATE_OID = 1082

// Dates stay 'YYYY-MM-DD' strings on both back ends so no time zone shifts them.
export const keepDateText = (value: string) => value

/** The embedded PostgreSQL as this app uses it, in this thread: the trigram extension and dates as text. */
export function createPglite(dataDir?: string, loadDataDir?: Blob): PGlite {
  return new PGlite({ dataDir, loadDataDir, extensions: { pg_trgm }, parsers: { [DATE_OID]: keepDateText } })
}
