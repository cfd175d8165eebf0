import { Form, Link } from '@remix-run/react'
import { type CandidateSearch, candidatePageHref, candidatePageSize } from '#app/domain/candidate-search.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { TextField } from './ui/field.tsx'
import { Button } from './ui/button.tsx'

/** The element a picker's search brings the reader back to, after the page reloads without JavaScript too. */
export const candidatePickerAnchor = (pickerId: string) => `candidates-${pickerId}`

/** A picker's search: its id and name on the page, the search shown, and whether more candidates follow. */
export interface PickerSearch {
  id: string
  name: string
  search: CandidateSearch
  hasNext: boolean
}

const searchFormId = (pickerId: string) => `candidates-search-${pickerId}`

/**
 * The GET form (q, page) that searches a picker's candidates, so searching works without JavaScript. Forms cannot
 * nest, so it stands empty after the picker's own form and its fields sit in the picker, tied to it by `form=`.
 */
export function CandidateSearchForm({ pickerId }: { pickerId: string }) {
  return (
    <Form id={searchFormId(pickerId)} method="get" action={`#${candidatePickerAnchor(pickerId)}`} preventScrollReset>
      {/* Names the picker searched, so the page opens it again. */}
      <input type="hidden" name="for" value={pickerId} />
    </Form>
  )
}

/**
 * The search field and button inside a picker. Every picker on a page shows the same search: the page loads one
 * page of candidates, not one per picker.
 */
export function CandidateSearchFields({
  pickerId,
  name,
  search,
  nothingFound,
}: {
  pickerId: string
  /** What the picker fills, for the search's and the pages' names: "Add an item", "3 § Housing". */
  name: string
  search: CandidateSearch
  nothingFound: boolean
}) {
  const { t } = useI18n()
  const form = searchFormId(pickerId)
  return (
    <div
      id={candidatePickerAnchor(pickerId)}
      role="search"
      aria-label={`${t('candidates.search.label')}: ${name}`}
      className="flex flex-wrap items-end gap-2"
    >
      <div className="min-w-56 grow">
        <TextField
          id={`candidates-q-${pickerId}`}
          form={form}
          type="search"
          name="q"
          label={t('candidates.search.label')}
          description={t('candidates.search.help', { count: candidatePageSize })}
          defaultValue={search.q ?? ''}
          maxLength={200}
        />
      </div>
      <Button variant="secondary" form={form}>
        {t('candidates.search.submit')}
      </Button>
      {search.q ? (
        <Link
          to={`?for=${encodeURIComponent(pickerId)}#${candidatePickerAnchor(pickerId)}`}
          preventScrollReset
          className="py-2"
        >
          {t('candidates.search.clear')}
        </Link>
      ) : null}
      {search.q ? (
        <p role="status" className="basis-full">
          {nothingFound
            ? t('candidates.search.nothingFound', { q: search.q })
            : t('candidates.search.showing', { q: search.q, page: search.page })}
        </p>
      ) : null}
    </div>
  )
}

/** Earlier and later pages of the candidates; choices are saved page by page, and the pager says so. */
export function CandidatePager({
  pickerId,
  name,
  search,
  hasNext,
}: {
  pickerId: string
  name: string
  search: CandidateSearch
  hasNext: boolean
}) {
  const { t } = useI18n()
  const page = search.page
  if (page <= 1 && !hasNext) return null
  const here = { ...search, for: pickerId }
  const href = (to: number) => `${candidatePageHref(here, to)}#${candidatePickerAnchor(pickerId)}`
  return (
    <nav aria-label={t('candidates.pager.label', { name })} className="grid gap-1">
      <p className="text-sm text-slate-700">{t('candidates.pager.keepChoices')}</p>
      <div className="flex flex-wrap gap-4">
        {page > 1 ? (
          <Link to={href(page - 1)} preventScrollReset>
            {t('candidates.pager.previous')}
          </Link>
        ) : null}
        <span>{t('candidates.pager.page', { page })}</span>
        {hasNext ? (
          <Link to={href(page + 1)} preventScrollReset>
            {t('candidates.pager.next')}
          </Link>
        ) : null}
      </div>
    </nav>
  )
}
