import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { SelectField } from '#app/components/ui/field.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import { defaultFeedbackPeriod, type FeedbackPeriod, feedbackPeriods } from '#app/domain/feedback-times.ts'
import { getFeedbackTimesPage } from '#app/services/statistics.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { formatDate, formatNumber, type Locale } from '#app/utils/i18n.ts'
import { parseListFilters } from '#app/utils/list-filters.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** The overdue list shows this many reports, longest waiting first; the team table counts them all. */
const overdueShown = 100

const FiltersSchema = z.object({
  period: z.coerce
    .number()
    .refine((days): days is FeedbackPeriod => (feedbackPeriods as readonly number[]).includes(days))
    .catch(defaultFeedbackPeriod),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['team_lead', 'coordinator'])
  const { period } = parseListFilters(FiltersSchema, readSearchParams(request))
  return { period, ...(await getFeedbackTimesPage(user, { periodDays: period, overdueShown })) }
}

function formatDays(locale: Locale, days: number | null) {
  return days === null ? '–' : formatNumber(locale, days, { maximumFractionDigits: 1 })
}

export default function FeedbackTimesPage() {
  const { period, limitDays, teams, overdue, moreOverdue } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const teamCaption = t('feedback.table.caption', { days: period })
  const overdueCaption = t('feedback.overdue.caption', { days: limitDays })
  return (
    <>
      <PageHeading title={t('feedback.title')}>
        <p>{t('feedback.intro', { days: limitDays })}</p>
        <p className="mt-2 text-base">{t('feedback.scope')}</p>
      </PageHeading>
      <Form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-300 bg-white p-4"
      >
        <div className="min-w-56">
          <SelectField
            name="period"
            label={t('feedback.period')}
            defaultValue={String(period)}
            options={feedbackPeriods.map((days) => ({
              value: String(days),
              label: t('feedback.period.option', { days }),
            }))}
          />
        </div>
        <Button>{t('feedback.show')}</Button>
      </Form>

      <section aria-labelledby="feedback-teams" className="mb-8">
        <h2 id="feedback-teams" className="mb-3 text-xl font-bold text-brand-900">
          {teamCaption}
        </h2>
        <ListTable
          caption={teamCaption}
          columns={[
            t('feedback.column.team'),
            t('feedback.column.submitted'),
            t('feedback.column.median'),
            t('feedback.column.longest'),
            t('feedback.column.waiting'),
            t('feedback.column.overdue'),
          ]}
          rows={teams}
          empty={t('feedback.noTeams')}
        >
          {(team) => (
            <tr key={team.teamId ?? 'none'} className="border-t border-slate-200">
              <th scope="row" className="p-3 font-semibold">
                {team.teamName ?? t('feedback.noTeam')}
              </th>
              <td className="p-3 tabular-nums">{formatNumber(locale, team.submitted)}</td>
              <td className="p-3 tabular-nums">{formatDays(locale, team.medianDays)}</td>
              <td className="p-3 tabular-nums">{formatDays(locale, team.longestDays)}</td>
              <td className="p-3 tabular-nums">{formatNumber(locale, team.waiting)}</td>
              <td className={`p-3 tabular-nums ${team.overdue > 0 ? 'font-bold text-red-900' : ''}`}>
                {formatNumber(locale, team.overdue)}
              </td>
            </tr>
          )}
        </ListTable>
      </section>

      <section aria-labelledby="feedback-overdue">
        <h2 id="feedback-overdue" className="mb-3 text-xl font-bold text-brand-900">
          {t('feedback.overdue.title')}
        </h2>
        <ListTable
          caption={overdueCaption}
          columns={[
            t('feedback.column.report'),
            t('feedback.column.team'),
            t('feedback.column.submittedAt'),
            t('feedback.column.daysWaiting'),
          ]}
          rows={overdue}
          empty={t('feedback.overdue.empty', { days: limitDays })}
        >
          {(report) => (
            <tr key={report.id} className="border-t border-slate-200 align-top">
              <td className="p-3 font-semibold">
                <Link to={`/reports/${report.id}`}>{report.title}</Link>
              </td>
              <td className="p-3">{report.team ?? t('feedback.noTeam')}</td>
              <td className="p-3 whitespace-nowrap">{formatDate(locale, report.submitted_at)}</td>
              <td className="p-3 tabular-nums">{formatDays(locale, report.daysWaiting)}</td>
            </tr>
          )}
        </ListTable>
        {moreOverdue ? <p className="mt-2">{t('feedback.overdue.more', { count: overdueShown })}</p> : null}
      </section>
    </>
  )
}
