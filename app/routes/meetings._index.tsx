import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { MeetingDetailsForm } from '#app/components/meeting-forms.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { canPrepareMeetings, meetingPreparerRole, meetingReaderRoles, MeetingSchema } from '#app/domain/meetings.ts'
import { createMeeting, listMeetingCommittees, listMeetings } from '#app/services/meetings.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { formatDateTime, formatNumber } from '#app/utils/i18n.ts'
import { failureFor, pageReplies } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, meetingReaderRoles)
  const mayPrepare = canPrepareMeetings(user.roles)
  const [meetings, committees] = await Promise.all([
    listMeetings(user),
    mayPrepare ? listMeetingCommittees(user) : Promise.resolve([]),
  ])
  return { meetings, committees, mayPrepare }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, [meetingPreparerRole])
  const formData = await readProtectedForm(request)
  const page = pageReplies(formData, 'create', 'meetings.guard.field')
  const parsed = parseForm(MeetingSchema, formData)
  if (!parsed.ok) return page.invalid(parsed.fieldErrors)
  const outcome = await createMeeting(user, parsed.data)
  if (outcome.ok) return redirect(`/meetings/${outcome.meetingId}?planned=1`)
  // Planning answers the guard like any other refused field.
  return page.refused(outcome, { identifying_data: { status: 400 } })
}

function PlanMeeting({ committees }: { committees: { id: string; name: string; name_sv: string | null }[] }) {
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  if (committees.length === 0) return <p>{t('meetings.noCommittees')}</p>
  return (
    <MeetingDetailsForm
      intent="create"
      committees={committees}
      defaults={{ committeeId: committees.length === 1 ? committees[0]!.id : '', startsAt: '', place: '' }}
      failure={failureFor(result, 'create')}
      submitLabel={t('meetings.plan.submit')}
    />
  )
}

export default function MeetingsPage() {
  const { meetings, committees, mayPrepare } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('meetings.title')}>
        {mayPrepare ? t('meetings.intro.coordinator') : t('meetings.intro.member')}
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0">
          <ListTable
            caption={t('meetings.title')}
            columns={[
              t('meetings.column.meeting'),
              t('meetings.column.place'),
              t('meetings.column.agenda'),
              t('meetings.column.items'),
            ]}
            rows={meetings}
            empty={mayPrepare ? t('meetings.empty.coordinator') : t('meetings.empty.member')}
          >
            {(meeting) => (
              <tr key={meeting.id} className="border-t border-slate-200">
                <td className="p-3">
                  <Link to={`/meetings/${meeting.id}`} className="font-semibold">
                    {t('meetings.name', {
                      committee: displayName(locale, meeting.committee_name, meeting.committee_name_sv),
                      time: formatDateTime(locale, meeting.starts_at),
                    })}
                  </Link>
                </td>
                <td className="p-3">{meeting.place || '–'}</td>
                <td className="p-3">
                  {meeting.published_at ? t('meetings.state.published') : t('meetings.state.draft')}
                </td>
                <td className="p-3">
                  {t('meetings.column.items.value', {
                    items: formatNumber(locale, meeting.item_count ?? 0),
                    decided: formatNumber(locale, meeting.decided_count ?? 0),
                  })}
                </td>
              </tr>
            )}
          </ListTable>
        </div>
        {mayPrepare ? (
          <Card title={t('meetings.plan.title')}>
            <PlanMeeting committees={committees} />
          </Card>
        ) : null}
      </div>
    </>
  )
}
