import { z } from 'zod'
import { PageNumberSchema } from '#app/utils/paging.ts'

/**
 * What a picker of agenda or welfare-section candidates shows: the page of titles that contain the words searched
 * for. The organisation may hold a million reports, so a picker never lists them all (issue 15).
 */
export const candidatePageSize = 20

const longestSearch = 200

export const CandidateSearchSchema = z.object({
  q: z
    .string()
    .catch('')
    .default('')
    .transform((text) => text.trim().slice(0, longestSearch))
    .transform((text) => (text === '' ? null : text)),
  page: PageNumberSchema,
  /** Which picker on the page was searched: it opens, and the page scrolls to it. */
  for: z.string().max(100).catch('').default(''),
})
export type CandidateSearch = z.output<typeof CandidateSearchSchema>

export function readCandidateSearch(searchParams: URLSearchParams): CandidateSearch {
  return CandidateSearchSchema.parse(Object.fromEntries(searchParams))
}

/** A LIKE pattern matching the text anywhere, the text's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/** The query string of another page of the same search in the same picker. */
export function candidatePageHref(search: CandidateSearch, page: number): string {
  const params = new URLSearchParams()
  if (search.q) params.set('q', search.q)
  if (search.for) params.set('for', search.for)
  params.set('page', String(page))
  return `?${params}`
}
