import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { IntentForm } from '#app/components/intent-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { SentMatter } from '#app/components/sent-matter.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { personOptions } from '#app/components/decision-follow-ups.tsx'
import { SelectField, TextArea, TextField } from '#app/components/ui/field.tsx'
import { IsoDateSchema } from '#app/domain/dates.ts'
import { displayName } from '#app/domain/display-name.ts'
import { followUpPath } from '#app/domain/report-events.ts'
import { mayFollowUpAnswer, type SendingMove } from '#app/domain/sendings.ts'
import { followUpAnswer, listAnswerFollowUps, listResponsibleOptions } from '#app/services/follow-ups.server.ts'
import { moveSending, readSending } from '#app/services/sendings.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { parseForm, textValue } from '#app/utils/forms.ts'
import { formatDate, formatDateTime, type MessageKey } from '#app/utils/i18n.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { failureFor, pageReplies } from '#app/utils/page-result.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const version = z.coerce.number().int()
const text = (required: MessageKey) => z.string().trim().min(1, required).max(10_000, 'validation.tooLong')

const SendingActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('received'), version, text: z.string().default('') }),
  z.object({ intent: z.literal('answered'), version, text: text('sending.validation.answer') }),
  z.object({ intent: z.literal('returned'), version, text: text('sending.validation.reason') }),
])

const AnswerFollowUpSchema = z.object({
  title: z.string().trim().min(1, 'sending.validation.followUpTitle').max(500, 'validation.tooLong'),
  targetDate: z.string().min(1, 'followUps.validation.targetDateRequired').pipe(IsoDateSchema),
  personId: z.union([z.literal('').transform(() => null), z.uuid({ error: 'validation.invalid' })]).default(null),
})

const doneMessages: Record<SendingMove, MessageKey> = {
  received: 'sending.received',
  answered: 'sending.answered',
  returned: 'sending.returned',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const read = await readSending(user, { sendingId: requireUuid(params.sendingId) })
  if (!read.ok) return throwRefusal(read)
  const { sending, channel, isMember, moves } = read
  const mayFollowUp = mayFollowUpAnswer({ coordinator: user.roles.includes('coordinator'), isMember }, sending)
  const [followUps, choices] = await Promise.all([
    listAnswerFollowUps(user, sending.id),
    mayFollowUp ? listResponsibleOptions(user) : null,
  ])
  return {
    sending: {
      id: sending.id,
      state: sending.state,
      version: sending.version,
      recipientName: sending.recipient_name,
      recipientNameSv: sending.recipient_name_sv,
      recipientKind: sending.recipient_kind,
      senderName: sending.sender_name,
      sentAt: sending.sent_at,
      receivedAt: sending.received_at,
      remindedAt: sending.reminded_at,
      answer: sending.answer,
      answeredAt: sending.answered_at,
      answererName: sending.answerer_name,
      coveringNote: sending.covering_note,
      matter: sending.subject,
    },
    descriptionHtml: renderMarkdown(sending.subject.description),
    channel,
    isMember,
    moves,
    followUps,
    followUpChoices: mayFollowUp ? choices : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const sendingId = requireUuid(params.sendingId)
  const formData = await readProtectedForm(request)
  const replies = pageReplies(formData, String(formData.get('intent')), 'sending.validation.identifying')
  if (formData.get('intent') === 'followUp') {
    const parsedFollowUp = parseForm(AnswerFollowUpSchema, formData)
    if (!parsedFollowUp.ok) return replies.invalid(parsedFollowUp.fieldErrors)
    const created = await followUpAnswer(user, { sendingId, ...parsedFollowUp.data })
    return created.ok ? replies.done('sending.followUp.done') : replies.refused(created)
  }
  const parsed = parseForm(SendingActionSchema, formData)
  if (!parsed.ok) return replies.invalid(parsed.fieldErrors)
  const { intent, ...input } = parsed.data
  const result = await moveSending(user, { sendingId, to: intent, ...input })
  if (result.ok) return replies.done(doneMessages[intent])
  if (result.reason === 'stale') return replies.reply(409, { message: 'sending.stale' })
  return replies.refused(result)
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function Facts({ sending }: { sending: LoaderData['sending'] }) {
  const { locale, t } = useI18n()
  const rows: [string, string][] = [
    [
      t('sending.recipient'),
      `${displayName(locale, sending.recipientName, sending.recipientNameSv)} (${t(`recipientKind.${sending.recipientKind}`)})`,
    ],
    [t('sending.state'), t(`sendingState.${sending.state}`)],
    [t('sending.sentBy'), sending.senderName],
    [t('sending.sentAt'), formatDateTime(locale, sending.sentAt)],
    ...(sending.receivedAt
      ? [[t('sending.receivedAt'), formatDateTime(locale, sending.receivedAt)] as [string, string]]
      : []),
    ...(sending.remindedAt
      ? [[t('sending.remindedAt'), formatDateTime(locale, sending.remindedAt)] as [string, string]]
      : []),
  ]
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(0,14rem)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** The answer or the reason for returning, once there is one. */
function Answer({ sending }: { sending: LoaderData['sending'] }) {
  const { locale, t } = useI18n()
  if (sending.answer === null) return null
  return (
    <Card title={t(sending.state === 'returned' ? 'sending.returnReason' : 'sending.answer')}>
      <p className="whitespace-pre-line">{sending.answer}</p>
      {sending.answeredAt ? (
        <p className="mt-2 text-sm text-slate-700">
          {t('sending.answeredBy', {
            name: sending.answererName ?? displayName(locale, sending.recipientName, sending.recipientNameSv),
            date: formatDateTime(locale, sending.answeredAt),
          })}
        </p>
      ) : null}
    </Card>
  )
}

function TextForm({ intent }: { intent: 'answered' | 'returned' }) {
  const { sending } = useLoaderData<typeof loader>()
  const failure = failureFor(useActionData<typeof action>(), intent)
  const { t } = useI18n()
  const answering = intent === 'answered'
  return (
    <IntentForm intent={intent} fields={{ version: String(sending.version) }} className="grid gap-3">
      <TextArea
        name="text"
        rows={answering ? 6 : 3}
        label={t(answering ? 'sending.answer.label' : 'sending.return.label')}
        description={t(answering ? 'sending.answer.help' : 'sending.return.help')}
        defaultValue={textValue(failure?.values.text)}
        error={failure?.fieldErrors.text}
        required
      />
      <div>
        <Button variant={answering ? 'primary' : 'secondary'}>
          {t(answering ? 'sending.answer.submit' : 'sending.return.submit')}
        </Button>
      </div>
    </IntentForm>
  )
}

/** What the answer promised, followed up: those recorded so far, and the form to record one more. */
function AnswerFollowUps() {
  const { sending, followUps, followUpChoices } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const failure = failureFor(result, 'followUp')
  const { locale, t } = useI18n()
  if (followUps.length === 0 && !followUpChoices) return null
  return (
    <Card title={t('sending.followUp.title')}>
      {followUps.length === 0 ? (
        <p className="text-slate-700">{t('sending.followUp.none')}</p>
      ) : (
        <ul className="mb-4 grid gap-2">
          {followUps.map((followUp) => (
            <li key={followUp.id}>
              <Link to={followUpPath(followUp.id)}>{followUp.title}</Link>
              <span className="text-sm text-slate-700">
                {' · '}
                {t(`followUpStatus.${followUp.status}`)} · {formatDate(locale, followUp.target_date)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {followUpChoices ? (
        <IntentForm
          intent="followUp"
          key={result?.ok && result.formId === 'followUp' ? followUps.length : 'editing'}
          className="mt-4 grid gap-3"
        >
          <p className="text-sm text-slate-700">
            {t('sending.followUp.intro', {
              body: displayName(locale, sending.recipientName, sending.recipientNameSv),
            })}
          </p>
          <TextField
            name="title"
            label={t('sending.followUp.field.title')}
            defaultValue={textValue(failure?.values.title)}
            error={failure?.fieldErrors.title}
            maxLength={500}
          />
          <SelectField
            name="personId"
            label={t('followUps.field.person')}
            defaultValue={textValue(failure?.values.personId)}
            error={failure?.fieldErrors.personId}
            options={personOptions(t, followUpChoices)}
          />
          <TextField
            type="date"
            name="targetDate"
            label={t('followUps.field.targetDate')}
            defaultValue={textValue(failure?.values.targetDate)}
            error={failure?.fieldErrors.targetDate}
          />
          <div>
            <Button variant="secondary">{t('sending.followUp.submit')}</Button>
          </div>
        </IntentForm>
      ) : null}
    </Card>
  )
}

/** Why the last form was refused, with its text shown again even when the sending no longer takes it. */
function Outcome() {
  const { moves } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  if (!result) return null
  if (result.ok) return result.message ? <Alert tone="success">{t(result.message)}</Alert> : null
  const typed = textValue(result.values.text)
  const formGone = !moves.includes(result.formId as SendingMove)
  return (
    <Alert tone="error">
      <p>{t(result.message ?? 'sending.failed')}</p>
      {result.findings.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {result.findings.map((finding, index) => (
            <li key={index}>”{finding.fragment}”</li>
          ))}
        </ul>
      ) : null}
      {typed && formGone ? <p className="mt-2 whitespace-pre-line rounded bg-white p-2">{typed}</p> : null}
    </Alert>
  )
}

export default function SendingPage() {
  const { sending, descriptionHtml, channel, isMember, moves } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('sending.title', { title: sending.matter.title })} />
      <div className="mb-4 grid gap-3">
        <Outcome />
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="grid min-w-0 content-start gap-6">
          <Card title={t('sending.content')}>
            <SentMatter matter={sending.matter} descriptionHtml={descriptionHtml} coveringNote={sending.coveringNote} />
          </Card>
          <Answer sending={sending} />
          <AnswerFollowUps />
        </div>
        <div className="grid min-w-0 content-start gap-6">
          <Card title={t('sending.facts')}>
            <Facts sending={sending} />
          </Card>
          {channel === 'meeting' ? <Alert tone="info">{t('sending.byCommittee')}</Alert> : null}
          {channel === 'link' ? <Alert tone="info">{t('sending.byPartner')}</Alert> : null}
          {channel === 'members' && !isMember && moves.length === 0 && sending.answer === null ? (
            <Alert tone="info">{t('sending.notMember')}</Alert>
          ) : null}
          {moves.length > 0 ? (
            <Card title={t('sending.respond')}>
              <div className="grid gap-6">
                {moves.includes('received') ? (
                  <IntentForm intent="received" fields={{ version: String(sending.version) }} className="grid gap-2">
                    <p className="text-sm text-slate-700">{t('sending.receive.help')}</p>
                    <div>
                      <Button variant="secondary">{t('sending.receive')}</Button>
                    </div>
                  </IntentForm>
                ) : null}
                {moves.includes('answered') ? <TextForm intent="answered" /> : null}
                {moves.includes('returned') ? <TextForm intent="returned" /> : null}
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  )
}
