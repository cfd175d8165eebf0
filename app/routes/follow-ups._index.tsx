import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatDay, FollowUpState } from '#app/components/decision-follow-ups.tsx'
import { ListTable, Pager } from '#app/components/list-table.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { FilterForm } from '#app/components/report-filters.tsx'
import { SelectField, TextField } from '#app/components/ui/field.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { helsinkiDay } from '#app/domain/digest.ts'
import { followUpBoardScope, FollowUpFiltersSchema, followUpStatuses } from '#app/domain/follow-ups.ts'
import { followUpPath } from '#app/domain/report-events.ts'
import { listFollowUpBoard, listFollowUpFilterChoices, responsibleText } from '#app/services/follow-ups.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { filteredPageHref, parseListFilters } from '#app/utils/list-filters.ts'
import { pageOf, pageWindow } from '#app/utils/paging.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 30

/**
 * The board: coordinators see every follow-up of the organisation, everyone else those they answer for (team leads
 * also those concerning their teams' reports). Overdue rows say so in words.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const filters = parseListFilters(FollowUpFiltersSchema, readSearchParams(request))
  const [rows, choices] = await Promise.all([
    listFollowUpBoard(user, { ...filters, overdue: filters.overdue === 'true' }, pageWindow(filters.page, pageSize)),
    listFollowUpFilterChoices(user),
  ])
  const { rows: followUps, hasNext } = pageOf(rows, pageSize)
  return {
    filters,
    choices,
    scope: followUpBoardScope(user.roles),
    hasNext,
    followUps: followUps.map((followUp) => ({
      id: followUp.id,
      title: followUp.title,
      status: followUp.status,
      progress: followUp.progress,
      target_date: followUp.target_date,
      overdue: followUp.overdue,
      responsible: responsibleText(followUp),
      committee: followUp.committee_name,
      committeeSv: followUp.committee_name_sv,
      meetingDay: followUp.meeting_starts_at ? helsinkiDay(followUp.meeting_starts_at) : null,
      item: followUp.agenda_item_title,
      createdBy: followUp.created_by_name,
    })),
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['followUps'][number]

function Origin({ row }: { row: Row }) {
  const { locale, t } = useI18n()
  if (row.committee && row.meetingDay) {
    return (
      <>
        {t('followUps.origin.decision', {
          committee: displayName(locale, row.committee, row.committeeSv),
          date: formatDay(locale, row.meetingDay),
          item: row.item ?? '',
        })}
      </>
    )
  }
  return <>{t('followUps.origin.other', { name: row.createdBy ?? '–' })}</>
}

export default function FollowUpBoardPage() {
  const { filters, choices, scope, followUps, hasNext } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const any = { value: '', label: t('filters.any') }
  return (
    <>
      <PageHeading title={t('followUps.title')}>
        <p>{scope === 'organisation' ? t('followUps.intro.organisation') : t('followUps.intro.own')}</p>
      </PageHeading>
      <FilterForm clearHref="/follow-ups">
        <SelectField
          name="responsibleUserId"
          label={t('followUps.filter.responsible')}
          defaultValue={filters.responsibleUserId ?? ''}
          options={[any, ...choices.people.map((person) => ({ value: person.id, label: person.name }))]}
        />
        <SelectField
          name="status"
          label={t('followUps.filter.status')}
          defaultValue={filters.status ?? ''}
          options={[
            any,
            ...followUpStatuses.map((status) => ({ value: status, label: t(`followUpStatus.${status}`) })),
          ]}
        />
        <SelectField
          name="overdue"
          label={t('followUps.filter.overdue')}
          defaultValue={filters.overdue ?? ''}
          options={[any, { value: 'true', label: t('followUps.filter.overdue.yes') }]}
        />
        <SelectField
          name="recipientId"
          label={t('followUps.filter.recipient')}
          defaultValue={filters.recipientId ?? ''}
          options={[any, ...choices.recipients.map((recipient) => ({ value: recipient.id, label: recipient.name }))]}
        />
        <SelectField
          name="municipalityId"
          label={t('followUps.filter.municipality')}
          defaultValue={filters.municipalityId ?? ''}
          options={[
            any,
            ...choices.municipalities.map((m) => ({ value: m.id, label: displayName(locale, m.name, m.name_sv) })),
          ]}
        />
        <TextField name="from" type="date" label={t('followUps.filter.from')} defaultValue={filters.from ?? ''} />
        <TextField name="to" type="date" label={t('followUps.filter.to')} defaultValue={filters.to ?? ''} />
      </FilterForm>
      <ListTable
        caption={t('followUps.title')}
        columns={[
          t('followUps.column.title'),
          t('followUps.column.responsible'),
          t('followUps.column.targetDate'),
          t('followUps.column.status'),
          t('followUps.column.origin'),
        ]}
        rows={followUps}
        empty={t('followUps.empty')}
      >
        {(row) => (
          <tr key={row.id} className={`border-t border-slate-200 ${row.overdue ? 'bg-red-50' : ''}`}>
            <td className="p-3">
              <Link to={followUpPath(row.id)}>{row.title}</Link>
            </td>
            <td className="p-3">{row.responsible ?? t('followUps.responsible.coordinator')}</td>
            <td className="p-3 whitespace-nowrap">{formatDay(locale, row.target_date)}</td>
            <td className="p-3">
              <FollowUpState followUp={row} />
            </td>
            <td className="p-3 text-sm">
              <Origin row={row} />
            </td>
          </tr>
        )}
      </ListTable>
      <Pager page={filters.page} hasNext={hasNext} hrefFor={(page) => filteredPageHref(filters, page)} />
    </>
  )
}
