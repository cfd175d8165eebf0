import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { formatDay, FollowUpState } from '#app/components/decision-follow-ups.tsx'
import { GuardFindings } from '#app/components/guard-findings.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { SelectField, TextArea, TextField } from '#app/components/ui/field.tsx'
import { followUpStatuses, FollowUpUpdateSchema, offersFollowUpBoard } from '#app/domain/follow-ups.ts'
import { helsinkiDay } from '#app/domain/digest.ts'
import { displayName } from '#app/domain/display-name.ts'
import { readsMeetings } from '#app/domain/meetings.ts'
import { getFollowUp, postFollowUpUpdate, responsibleText } from '#app/services/follow-ups.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { parseForm, textValue } from '#app/utils/forms.ts'
import { formatDateTime, type Translate } from '#app/utils/i18n.ts'
import { failureFor, type RefusalAnswer, resultFor } from '#app/utils/page-result.ts'
import { formReplies } from '#app/utils/page-result.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const detail = await getFollowUp(user, requireUuid(params.followUpId))
  if (!detail) throw data({ code: 'not_found' }, { status: 404 })
  return {
    ...detail,
    responsible: responsibleText(detail.followUp),
    meetingDay: detail.followUp.meeting_starts_at ? helsinkiDay(detail.followUp.meeting_starts_at) : null,
    linksMeeting: readsMeetings(user.roles),
    linksBoard: offersFollowUpBoard(user.roles) || detail.mayUpdate,
  }
}

const formId = 'update'
const refusals: Record<string, RefusalAnswer> = { stale: { status: 409, message: 'followUps.update.stale' } }

/** A dated update: text, optionally a new status and a percentage, checked against the version the form was made from. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const followUpId = requireUuid(params.followUpId)
  const formData = await readProtectedForm(request)
  const page = formReplies({
    organisationId: user.organisation.id,
    formData,
    formId,
    guardField: 'followUps.guard.field',
    refusals,
  })
  const parsed = parseForm(FollowUpUpdateSchema, formData)
  if (!parsed.ok) return page.invalidTexts(parsed.fieldErrors, ['body'])
  const { version, ...update } = parsed.data
  const result = await postFollowUpUpdate(user, { followUpId, expectedVersion: version, ...update })
  return page.answer(result, 'followUps.update.done')
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function originText(
  t: Translate,
  locale: Parameters<typeof formatDay>[0],
  followUp: LoaderData['followUp'],
  meetingDay: string | null,
): string {
  if (meetingDay && followUp.committee_name) {
    return t('followUps.origin.decision', {
      committee: displayName(locale, followUp.committee_name, followUp.committee_name_sv),
      date: formatDay(locale, meetingDay),
      item: followUp.agenda_item_title ?? '',
    })
  }
  return followUp.sending_id === null && followUp.agenda_item_id === null
    ? t('followUps.origin.closing', { name: followUp.created_by_name ?? '–' })
    : t('followUps.origin.other', { name: followUp.created_by_name ?? '–' })
}

function Facts() {
  const { followUp, responsible, linksMeeting, meetingDay } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const rows: [string, ReactNode][] = [
    [
      t('followUps.field.origin'),
      <>
        {followUp.meeting_id && linksMeeting ? (
          <Link to={`/meetings/${followUp.meeting_id}`}>{originText(t, locale, followUp, meetingDay)}</Link>
        ) : (
          originText(t, locale, followUp, meetingDay)
        )}
        {followUp.agenda_item_id ? (
          <span className="block text-sm text-slate-700">
            {t(followUp.proposed_action_id ? 'followUps.origin.adoptedAction' : 'followUps.origin.task')}
          </span>
        ) : null}
      </>,
    ],
    ...(followUp.decision_text
      ? ([[t('followUps.field.decision'), <p className="whitespace-pre-line">{followUp.decision_text}</p>]] as [
          string,
          ReactNode,
        ][])
      : []),
    [t('followUps.field.responsible'), responsible ?? t('followUps.responsible.coordinator')],
    [t('followUps.field.decidedOn'), formatDay(locale, followUp.decided_on)],
    [t('followUps.field.targetDate'), formatDay(locale, followUp.target_date)],
    [t('followUps.field.status'), <FollowUpState followUp={followUp} />],
    [
      t('followUps.field.progress'),
      followUp.progress !== null
        ? t('followUps.progressValue', { progress: followUp.progress })
        : t('followUps.notSet'),
    ],
    ...(followUp.status_reason
      ? ([[t('followUps.field.reason'), <p className="whitespace-pre-line">{followUp.status_reason}</p>]] as [
          string,
          ReactNode,
        ][])
      : []),
  ]
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function ConcernedReports() {
  const { reports, reportCount } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  const hidden = reportCount - reports.length
  return (
    <>
      {reportCount === 0 ? <p>{t('followUps.reports.none')}</p> : null}
      {reports.length > 0 ? (
        <ul className="grid gap-2">
          {reports.map((report) => (
            <li key={report.id} className="flex flex-wrap items-center gap-x-2">
              <Link to={`/reports/${report.id}`}>{report.title}</Link>
              {report.municipality ? <span className="text-sm text-slate-700">({report.municipality})</span> : null}
              <StatusBadge status={report.status} />
            </li>
          ))}
        </ul>
      ) : null}
      {hidden > 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t('followUps.reports.hidden', { count: hidden })}</p>
      ) : null}
    </>
  )
}

function Updates() {
  const { updates } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  if (updates.length === 0) return <p>{t('followUps.updates.empty')}</p>
  return (
    <ol className="grid gap-4">
      {updates.map((update) => (
        <li key={update.id} className="border-l-4 border-brand-600 pl-3">
          <p className="text-sm text-slate-700">
            <time dateTime={String(update.created_at)}>{formatDateTime(locale, update.created_at)}</time>
            {update.author_name ? ` · ${update.author_name}` : null}
          </p>
          {update.status || update.progress !== null ? (
            <p className="font-semibold">
              {[
                update.status ? t('followUps.updates.status', { status: t(`followUpStatus.${update.status}`) }) : null,
                update.progress !== null ? t('followUps.updates.progress', { progress: update.progress }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          ) : null}
          {update.body ? <p className="mt-1 whitespace-pre-line">{update.body}</p> : null}
        </li>
      ))}
    </ol>
  )
}

function UpdateForm() {
  const { followUp } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const failure = failureFor(result, formId)
  const { t } = useI18n()
  const value = (field: string) => (failure ? textValue(failure.values[field]) : '')
  return (
    // A new version (this update saved, or someone else's) starts the form afresh; a refusal keeps what was typed.
    <Form key={followUp.version} method="post" className="grid gap-4" noValidate>
      <CsrfInput />
      <input type="hidden" name="version" value={followUp.version} />
      <GuardFindings
        findings={failure?.findings ?? []}
        fieldLabel={() => t('followUps.update.body')}
        title="followUps.guard.title"
        help="followUps.guard.help"
      />
      <TextArea
        name="body"
        label={t('followUps.update.body')}
        description={t('followUps.update.body.help')}
        defaultValue={value('body')}
        error={failure?.fieldErrors.body}
        rows={4}
        maxLength={5000}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="status"
          label={t('followUps.update.status')}
          defaultValue={value('status')}
          error={failure?.fieldErrors.status}
          options={[
            { value: '', label: t('followUps.update.status.keep', { status: t(`followUpStatus.${followUp.status}`) }) },
            ...followUpStatuses.map((status) => ({ value: status, label: t(`followUpStatus.${status}`) })),
          ]}
        />
        <TextField
          type="number"
          name="progress"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          label={t('followUps.update.progress')}
          description={t('followUps.update.progress.help')}
          defaultValue={value('progress')}
          error={failure?.fieldErrors.progress}
        />
      </div>
      <div>
        <Button>{t('followUps.update.submit')}</Button>
      </div>
    </Form>
  )
}

function FormMessage() {
  const result = resultFor(useActionData<typeof action>(), formId)
  const { t } = useI18n()
  if (!result) return null
  if (result.ok) return result.message ? <Alert tone="success">{t(result.message)}</Alert> : null
  if (result.message) return <Alert tone="error">{t(result.message)}</Alert>
  if (result.findings.length > 0) return null
  return <Alert tone="error">{t('followUps.formHasErrors')}</Alert>
}

export default function FollowUpPage() {
  const { followUp, mayUpdate, linksBoard } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={followUp.title}>
        <FollowUpState followUp={followUp} />
      </PageHeading>
      {linksBoard ? (
        <p className="mb-4">
          <Link to="/follow-ups">{t('followUps.backToBoard')}</Link>
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="grid min-w-0 content-start gap-6">
          <Card title={t('followUps.page.facts')}>
            <Facts />
          </Card>
          <Card title={t('followUps.updates.title')} id="updates">
            <Updates />
          </Card>
        </div>
        <div className="grid min-w-0 content-start gap-6">
          <Card title={t('followUps.update.title')}>
            <div className="grid gap-4">
              <FormMessage />
              {mayUpdate ? <UpdateForm /> : <p>{t('followUps.update.readOnly')}</p>}
            </div>
          </Card>
          <Card title={t('followUps.reports.title')}>
            <ConcernedReports />
          </Card>
        </div>
      </div>
    </>
  )
}
