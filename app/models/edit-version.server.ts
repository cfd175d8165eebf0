import { sql } from 'kysely'

/**
 * True while the row's `updated_at` is the version the editor saw. JavaScript dates carry milliseconds and
 * PostgreSQL microseconds, so the column is compared at the precision that reached the form.
 */
export function isVersion(seen: Date) {
  return sql<boolean>`date_trunc('milliseconds', updated_at) = ${seen}`
}

/** The version a form carries: `updated_at` as the ISO string the form sends back. */
export function versionOf(updatedAt: Date | string): string {
  return new Date(updatedAt).toISOString()
}
