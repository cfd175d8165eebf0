import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { MeetingDetailsForm } from '#app/components/meeting-forms.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { canPrepareMeetings, meetingPreparerRole, meetingReaderRoles, MeetingSchema } from '#app/domain/meetings.ts'
import { createMeeting, listMeetingsForViewer } from '#app/models/meeting.server.ts'
import { listCommittees } from '#app/models/organisation.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { formatDateTime, formatNumber } from '#app/utils/i18n.ts'
import { failureFor, type PageFormResult } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, meetingReaderRoles)
  const db = getDb()
  const mayPrepare = canPrepareMeetings(user.roles)
  const [meetings, committees] = await Promise.all([
    listMeetingsForViewer(db, user),
    mayPrepare ? listCommittees(db, user.organisation.id) : Promise.resolve([]),
  ])
  return { meetings, committees, mayPrepare }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, [meetingPreparerRole])
  const formData = await readProtectedForm(request)
  const failed = (fieldErrors: PageFormResult['fieldErrors'], findings: PageFormResult['findings'] = []) =>
    data<PageFormResult>(
      {
        ok: false,
        formId: 'create',
        message: null,
        fieldErrors,
        findings,
        values: formValues(formData),
        reports: [],
      },
      { status: 400 },
    )
  const parsed = parseForm(MeetingSchema, formData)
  if (!parsed.ok) return failed(parsed.fieldErrors)
  const outcome = await createMeeting(getDb(), user, parsed.data)
  if (outcome.ok) return redirect(`/meetings/${outcome.meetingId}?planned=1`)
  if (outcome.reason === 'invalid') return failed(outcome.fieldErrors)
  if (outcome.reason === 'identifying') return failed({ place: 'meetings.guard.field' }, outcome.findings)
  throw data({ code: 'not_found' }, { status: 404 })
}

function PlanMeeting({ committees }: { committees: { id: string; name: string }[] }) {
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
          {meetings.length === 0 ? (
            <p>{mayPrepare ? t('meetings.empty.coordinator') : t('meetings.empty.member')}</p>
          ) : (
            <Table
              caption={t('meetings.title')}
              columns={[
                t('meetings.column.meeting'),
                t('meetings.column.place'),
                t('meetings.column.agenda'),
                t('meetings.column.items'),
              ]}
            >
              {meetings.map((meeting) => (
                <tr key={meeting.id} className="border-t border-slate-200">
                  <td className="p-3">
                    <Link to={`/meetings/${meeting.id}`} className="font-semibold">
                      {t('meetings.name', {
                        committee: meeting.committee_name,
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
              ))}
            </Table>
          )}
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
