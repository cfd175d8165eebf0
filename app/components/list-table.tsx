import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { pageHref } from '#app/utils/paging.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { Table } from './ui/table.tsx'

/** A list page's table: its empty message while there are no rows, else one captioned table, a row per item. */
export function ListTable<Row>({
  caption,
  columns,
  rows,
  empty,
  children,
}: {
  caption: string
  columns: string[]
  rows: readonly Row[]
  empty: ReactNode
  /** The item's `<tr>`, with its key. */
  children: (row: Row) => ReactNode
}) {
  if (rows.length === 0) return <p>{empty}</p>
  return (
    <Table caption={caption} columns={columns}>
      {rows.map((row) => children(row))}
    </Table>
  )
}

/** The links to a list's previous and next pages; `hideWhenSingle` shows nothing while the list fits on one page. */
export function Pager({
  page,
  hasNext,
  hrefFor = pageHref,
  hideWhenSingle = false,
}: {
  page: number
  hasNext: boolean
  hrefFor?: (page: number) => string
  hideWhenSingle?: boolean
}) {
  const { t } = useI18n()
  if (hideWhenSingle && page <= 1 && !hasNext) return null
  return (
    <nav aria-label={t('pagination.label')} className="mt-4 flex gap-4">
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : null}
      <span>{t('pagination.page', { page })}</span>
      {hasNext ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : null}
    </nav>
  )
}
