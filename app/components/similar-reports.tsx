import { Link } from '@remix-run/react'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { IntentForm } from './intent-form.tsx'
import { Button } from './ui/button.tsx'
import { Card } from './ui/card.tsx'

/** A report of the organisation like the one being written, as the lookup may show it to the writer. */
export interface SimilarReport {
  id: string
  title: string
  status: string
  team: string | null
  may_open: boolean
}

export interface SimilarHit extends SimilarReport {
  /** The writer has said their report is about the same phenomenon as this one. */
  marked_same: boolean
  /** The phenomenon the hit belongs to, on which the writer may say "Havaitsen saman" instead of writing. */
  phenomenon_id?: string | null
  phenomenon_title?: string | null
}

/**
 * The title, linked when the reader may open the report (from the form being written in a new tab, so the page
 * stays as it is); otherwise as plain text with the status and team the lookup shows everyone.
 */
function SimilarReportName({ report, newTab }: { report: SimilarReport; newTab: boolean }) {
  const { t } = useI18n()
  const facts = `(${t(`status.${report.status}` as MessageKey)}${report.team ? `, ${report.team}` : ''})`
  if (!report.may_open) {
    return (
      <span>
        {report.title} {facts} <span className="text-sm text-slate-700">– {t('similar.notOpenable')}</span>
      </span>
    )
  }
  return (
    <span>
      {newTab ? (
        <a href={`/reports/${report.id}`} target="_blank" rel="noopener noreferrer">
          {report.title} <span className="text-sm">{t('similar.opensInNewTab')}</span>
        </a>
      ) : (
        <Link to={`/reports/${report.id}`}>{report.title}</Link>
      )}{' '}
      {facts}
    </span>
  )
}

function SameButton({ report, same }: { report: SimilarReport; same: boolean }) {
  const { t } = useI18n()
  return (
    <Button
      variant="secondary"
      className="min-h-9 px-2 py-1 text-sm"
      name="intent"
      value={`${same ? 'same' : 'notSame'}:${report.id}`}
      aria-label={t(same ? 'similar.same.label' : 'similar.notSame.label', { title: report.title })}
    >
      {t(same ? 'similar.same' : 'similar.notSame')}
    </Button>
  )
}

/**
 * Inside the report form's live region (loaded once there is something to show): the reports like the one being
 * written, each with "this is the same phenomenon", and the reports already said to be, each of which can be taken
 * back. Either button saves the draft with what is typed.
 */
export function SimilarReports({ hits, marks }: { hits: SimilarHit[]; marks: SimilarReport[] }) {
  const { t } = useI18n()
  const marksNotHit = marks.filter((mark) => !hits.some((hit) => hit.id === mark.id))
  return (
    <>
      {hits.length > 0 ? (
        <div className="rounded-md border border-brand-100 bg-brand-50 p-4">
          <h3 className="font-semibold">{t('report.similar.title')}</h3>
          <p className="text-sm">{t('report.similar.help')}</p>
          <ul className="mt-2 grid gap-3">
            {hits.map((hit) => (
              <li key={hit.id} className="grid gap-1">
                <SimilarReportName report={hit} newTab />
                <div className="flex flex-wrap items-center gap-2">
                  {hit.marked_same ? <span className="text-sm font-semibold">{t('similar.markedSame')}</span> : null}
                  <SameButton report={hit} same={!hit.marked_same} />
                </div>
                {hit.phenomenon_id ? (
                  <a href={`/phenomena/${hit.phenomenon_id}#havaitsen-saman`} target="_blank" rel="noopener noreferrer">
                    {t('sharedPicture.similar.observe', { title: hit.phenomenon_title ?? '' })}{' '}
                    <span className="text-sm">{t('similar.opensInNewTab')}</span>
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {marksNotHit.length > 0 ? (
        <div className="rounded-md border border-slate-300 p-4">
          <h3 className="font-semibold">{t('similar.marks.title')}</h3>
          <ul className="mt-2 grid gap-3">
            {marksNotHit.map((mark) => (
              <li key={mark.id} className="grid gap-1">
                <SimilarReportName report={mark} newTab />
                <div>
                  <SameButton report={mark} same={false} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  )
}

export interface SamePhenomenonReport extends SimilarReport {
  phenomena: { id: string; title: string }[]
}

/**
 * On the report page: the reports its writer said it is the same phenomenon as. Whoever may link the report to
 * phenomena links it to such a report's phenomenon with one button.
 */
export function SamePhenomenonCard({
  reports,
  mayLink,
  linkedPhenomenonIds,
}: {
  reports: SamePhenomenonReport[]
  mayLink: boolean
  linkedPhenomenonIds: string[]
}) {
  const { t } = useI18n()
  if (reports.length === 0) return null
  return (
    <Card title={t('similar.report.title')} id="same-phenomenon">
      <p className="mb-3 text-sm text-slate-700">{t('similar.report.help')}</p>
      <ul className="grid gap-4">
        {reports.map((report) => (
          <li key={report.id} className="grid gap-2">
            <SimilarReportName report={report} newTab={false} />
            {mayLink ? (
              <SamePhenomenonLinks phenomena={report.phenomena} linkedPhenomenonIds={linkedPhenomenonIds} />
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  )
}

function SamePhenomenonLinks({
  phenomena,
  linkedPhenomenonIds,
}: {
  phenomena: SamePhenomenonReport['phenomena']
  linkedPhenomenonIds: string[]
}) {
  const { t } = useI18n()
  if (phenomena.length === 0) return <p className="text-sm">{t('similar.report.noPhenomenon')}</p>
  return (
    <ul className="grid gap-2">
      {phenomena.map((phenomenon) => (
        <li key={phenomenon.id}>
          {linkedPhenomenonIds.includes(phenomenon.id) ? (
            <p className="text-sm font-semibold">{t('similar.report.linked', { phenomenon: phenomenon.title })}</p>
          ) : (
            <IntentForm intent="link" fields={{ phenomenonId: phenomenon.id }}>
              <Button variant="secondary" className="min-h-9 px-2 py-1 text-left text-sm">
                {t('similar.report.link', { phenomenon: phenomenon.title })}
              </Button>
            </IntentForm>
          )}
        </li>
      ))}
    </ul>
  )
}
