import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ChangeRequests } from '#app/components/change-requests.tsx'
import { ReportQuestions } from '#app/components/report-questions.tsx'
import { TemplatePicker } from '#app/components/template-picker.tsx'
import { ConfirmButton, ConfirmationView } from '#app/components/confirm.tsx'
import { FieldAndButtonForm, IntentForm } from '#app/components/intent-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { ProposedActions } from '#app/components/proposed-actions.tsx'
import { FollowToggle } from '#app/components/follow-toggle.tsx'
import { FollowThroughChain } from '#app/components/follow-through-chain.tsx'
import { ReportTimeline } from '#app/components/report-timeline.tsx'
import { SendForm } from '#app/components/send-form.tsx'
import { SamePhenomenonCard } from '#app/components/similar-reports.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { SelectField, TextArea, TextField } from '#app/components/ui/field.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { canRecordOutcome } from '#app/domain/action-outcomes.ts'
import { openChangeRequests } from '#app/domain/change-requests.ts'
import { hasAnyRole } from '#app/domain/roles.ts'
import { mayAnswerQuestion, mayAskQuestion } from '#app/domain/team-reports.ts'
import { listQuestions } from '#app/models/report-question.server.ts'
import { findTemplateTextForReport, listResponseTemplates } from '#app/models/response-template.server.ts'
import { handleQuestionForm } from '#app/utils/question-forms.server.ts'
import { canLinkToPhenomenon } from '#app/domain/phenomena.ts'
import { canSendReport } from '#app/domain/sendings.ts'
import { followUpPath } from '#app/domain/report-events.ts'
import {
  availableTransitions,
  canTransition,
  isEditable,
  type ReportStatus,
  type TransitionRequest,
  TransitionRequestSchema,
  transitions as transitionRules,
} from '#app/domain/report-status.ts'
import { isFollowing } from '#app/models/follow.server.ts'
import { getReportChain } from '#app/models/follow-through.server.ts'
import { listCommittees } from '#app/models/organisation.server.ts'
import { listPhenomena } from '#app/models/phenomenon.server.ts'
import { listProposedActions } from '#app/models/proposed-action.server.ts'
import { getReportForViewer, listReportEvents } from '#app/models/report.server.ts'
import { listSamePhenomenonReports } from '#app/models/similar-report.server.ts'
import { recordRead } from '#app/services/audit.server.ts'
import { actorFor, applyTransition, changePhenomenonLink, type ReportResult } from '#app/services/reports.server.ts'
import { listRecipientsForSender } from '#app/services/recipients.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { ClosingFollowUpFields } from '#app/components/decision-follow-ups.tsx'
import { canSetClosingFollowUp, ClosingFollowUpSchema, readClosingFollowUp } from '#app/domain/follow-ups.ts'
import { type ConfirmationText, confirmationFor, isConfirmed } from '#app/utils/confirmation.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { formatMonth, type MessageKey } from '#app/utils/i18n.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { handleProposedActionForm } from '#app/utils/proposed-action-forms.server.ts'
import { handleSendForm } from '#app/utils/send-forms.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** An empty form field means "not given", so the schema's default applies. */
const blankToUndefined = (fields: unknown) =>
  Object.fromEntries(Object.entries(fields as Record<string, unknown>).filter(([, value]) => value !== ''))

const ReportActionSchema = z.preprocess(
  blankToUndefined,
  z.discriminatedUnion('intent', [
    TransitionRequestSchema.extend({ intent: z.literal('transition'), ...ClosingFollowUpSchema.shape }),
    z.object({ intent: z.literal('link'), phenomenonId: z.uuid({ error: 'phenomenon.validation.choose' }) }),
    z.object({ intent: z.literal('create'), title: z.string().trim().min(1).max(200) }),
    z.object({ intent: z.literal('unlink'), phenomenonId: z.uuid() }),
  ]),
)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const report = await getReportForViewer(db, user, requireUuid(params.reportId))
  if (!report) throw data({ code: 'not_found' }, { status: 404 })
  await recordRead(user, request, { action: 'report.read', target: { type: 'report', id: report.id } })
  const actor = actorFor(user, report)
  const mayLink = canLinkToPhenomenon(actor, report.status)
  const [events, committees, phenomena, following, proposedActions, chain, samePhenomenon, questions] =
    await Promise.all([
      listReportEvents(db, user.organisation.id, report.id),
      listCommittees(db, user.organisation.id),
      mayLink ? listPhenomena(db, user.organisation.id) : Promise.resolve([]),
      isFollowing(db, user, { kind: 'report', id: report.id }),
      listProposedActions(db, user.organisation.id, { reportIds: [report.id] }),
      getReportChain(db, user, report.id),
      listSamePhenomenonReports(db, user, report.id),
      listQuestions(db, user.organisation.id, report.id),
    ])
  const { identifiability_findings: findings, description, ...shown } = report
  const sendTo = canSendReport(actor, report.status) ? await listRecipientsForSender(user) : null
  const responds = await respondingWithTemplates(user, report.id, actor, request)
  return {
    report: shown,
    proposedActions,
    mayRecordOutcomes: canRecordOutcome(actor, { kind: 'report', status: report.status }),
    descriptionHtml: renderMarkdown(description),
    flagged: findings.length > 0,
    events,
    chain,
    // Only the author is asked for the changes; the lead sees their own request in the timeline.
    changeRequests: actor.isAuthor ? openChangeRequests(report.status, events) : [],
    transitions: availableTransitions(actor, report.status).map((rule) => ({ to: rule.to, needs: rule.needs ?? null })),
    // A lead closing their team's report may record the team's own action, followed up until done.
    closingFollowUp: canSetClosingFollowUp(actor, { status: report.status, teamId: report.team_id }),
    editable: actor.isAuthor && isEditable(report.status),
    mayLink,
    questions,
    mayAsk: mayAskQuestion(actor, report.status),
    mayAnswer: mayAnswerQuestion(actor),
    responds,
    committees,
    phenomena: phenomena.map(({ id, title }) => ({ id, title })),
    // What the writer said while writing: the same phenomenon as these reports.
    samePhenomenon,
    // The author hears of every step anyway; everyone else who can read the report may follow it.
    follow: actor.isAuthor ? null : { following },
    // Those who may send the report on choose among the organisation's recipients.
    sendTo: sendTo?.ok ? sendTo.recipients.map(({ id, kind, name }) => ({ id, kind, name })) : null,
  }
}

/**
 * A lead or coordinator answering a report may start from the organisation's response templates; the chosen one
 * (`?template=`) fills the question and comment fields. The author writes their own words.
 */
async function respondingWithTemplates(
  user: Awaited<ReturnType<typeof requireUser>>,
  reportId: string,
  actor: ReturnType<typeof actorFor>,
  request: Request,
) {
  if (actor.isAuthor || !hasAnyRole(user.roles, ['team_lead', 'coordinator'])) return null
  const db = getDb()
  const chosen = new URL(request.url).searchParams.get('template')
  const validChoice = chosen && /^[0-9a-f-]{36}$/.test(chosen) ? chosen : null
  const [templates, text] = await Promise.all([
    listResponseTemplates(db, user.organisation.id),
    validChoice ? findTemplateTextForReport(db, user.organisation.id, validChoice, reportId) : null,
  ])
  return { templates: templates.map(({ id, name }) => ({ id, name })), chosen: validChoice, text: text ?? '' }
}

/** Withdrawing ends the report for good, so it asks first, in these words. */
const withdrawConfirmation: ConfirmationText = { message: 'report.withdraw.confirm', yes: 'report.withdraw.yes' }

/** The message after a move: only a move someone else made is news to the reporter. */
function doneMessage(from: ReportStatus, to: ReportStatus): MessageKey {
  if (to === 'withdrawn') return 'report.withdraw.done'
  const rule = transitionRules.find((candidate) => candidate.from === from && candidate.to === to)
  return rule?.by.every((party) => party === 'author') ? 'report.transition.doneOwn' : 'report.transition.done'
}

/**
 * The one mapping from a report use case's result to this page's answer; the page reads `error`. `sentTo` names
 * the transition form that was sent, so its errors show on that form only.
 */
function outcome(result: ReportResult, done: MessageKey | null = null, sentTo: string | null = null) {
  if (result.ok) return { ok: true as const, done }
  switch (result.reason) {
    case 'not_found':
      throw data({ code: 'not_found' }, { status: 404 })
    case 'forbidden':
      throw data({ code: 'forbidden' }, { status: 403 })
    case 'stale':
      return data(
        { ok: false as const, error: 'conflict' as const, currentStatus: result.currentStatus },
        { status: 409 },
      )
    case 'invalid': {
      const [field = 'form', message = 'validation.invalid'] = Object.entries(result.fieldErrors)[0] ?? []
      return data({ ok: false as const, error: 'invalid' as const, field, message, sentTo }, { status: 400 })
    }
    case 'identifying_data':
      return data({ ok: false as const, error: 'identifying' as const, findings: result.findings }, { status: 422 })
    case 'incomplete':
      return data(
        { ok: false as const, error: 'incomplete' as const, fieldErrors: result.fieldErrors },
        { status: 422 },
      )
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const reportId = requireUuid(params.reportId)
  const formData = await readProtectedForm(request)
  if (formData.get('intent') === 'send') return handleSendForm(user, { kind: 'report', reportId }, formData)
  if (formData.get('intent') === 'ask' || formData.get('intent') === 'answer') {
    return handleQuestionForm(user, reportId, formData)
  }
  // An action's outcome form answers field by field, so it reads its own form.
  if (formData.get('intent') === 'outcome') {
    return handleProposedActionForm(user, { kind: 'report', reportId }, formData)
  }
  const parsed = parseForm(ReportActionSchema, formData)
  if (!parsed.ok) {
    const sentTo = formData.get('intent') === 'transition' ? String(formData.get('to') ?? '') : null
    return outcome({ ok: false, reason: 'invalid', fieldErrors: parsed.fieldErrors }, null, sentTo)
  }
  const input = parsed.data
  switch (input.intent) {
    case 'transition': {
      const { followUpTitle, followUpTargetDate, ...transition } = input
      if (transition.to === 'withdrawn' && !isConfirmed(formData)) {
        return askToWithdraw(user, reportId, transition, formData)
      }
      const closing = readClosingFollowUp({ followUpTitle, followUpTargetDate })
      if (!closing.ok)
        return outcome({ ok: false, reason: 'invalid', fieldErrors: closing.fieldErrors }, null, transition.to)
      return outcome(
        await applyTransition(user, { reportId, ...transition, closingFollowUp: closing.data }),
        doneMessage(transition.expectedStatus, transition.to),
        transition.to,
      )
    }
    case 'link':
    case 'unlink':
      return outcome(
        await changePhenomenonLink(user, { reportId, kind: input.intent, phenomenonId: input.phenomenonId }),
      )
    case 'create':
      return outcome(await changePhenomenonLink(user, { reportId, kind: 'create', title: input.title }))
  }
}

/**
 * Without JavaScript the withdraw button lands here: a report the user may withdraw gets the question back; anything
 * else goes on to the use case, which refuses it as it refuses a confirmed request.
 */
async function askToWithdraw(
  user: Awaited<ReturnType<typeof requireUser>>,
  reportId: string,
  input: TransitionRequest,
  formData: FormData,
) {
  const report = await getReportForViewer(getDb(), user, reportId)
  if (!report) return outcome({ ok: false, reason: 'not_found' })
  if (report.status !== input.expectedStatus || !canTransition(actorFor(user, report), report.status, 'withdrawn')) {
    return outcome(await applyTransition(user, { reportId, ...input }))
  }
  return {
    ok: false as const,
    error: 'confirm' as const,
    confirmation: confirmationFor(formData, withdrawConfirmation),
  }
}

function Facts({ report }: { report: ReturnType<typeof useLoaderData<typeof loader>>['report'] }) {
  const { locale, t } = useI18n()
  const codes = (values: string[], prefix: string) =>
    values.map((code) => t(`${prefix}.${code}` as MessageKey)).join(', ') || '–'
  const rows: [string, string][] = [
    [t('report.field.supportNeeds'), codes(report.support_needs, 'supportNeed')],
    [t('report.field.clientGroups'), codes(report.client_groups, 'clientGroup')],
    [t('report.field.ageBands'), codes(report.age_bands, 'ageBand')],
    [t('report.field.genders'), codes(report.genders, 'gender')],
    [t('report.field.clientCount'), report.client_count === null ? '–' : String(report.client_count)],
    [t('report.field.trend'), report.trend ? t(`trend.${report.trend}`) : '–'],
    [
      t('report.field.municipality'),
      report.municipality_name
        ? displayName(locale, report.municipality_name, report.municipality_name_sv)
        : t('reports.wholeArea'),
    ],
    [t('report.field.sectors'), codes(report.sectors, 'sector')],
    [t('report.field.observedSince'), report.observed_since ? formatMonth(locale, report.observed_since) : '–'],
    [t('report.field.team'), report.team_name ? displayName(locale, report.team_name, report.team_name_sv) : '–'],
    report.coAuthors.length > 0
      ? [t('teamReport.authors'), [report.author_name, ...report.coAuthors.map((coAuthor) => coAuthor.name)].join(', ')]
      : [t('report.field.author'), report.author_name],
    ...(report.prepared_in
      ? [[t('teamReport.preparedIn'), t(`teamReport.preparedIn.${report.prepared_in}`)] satisfies [string, string]]
      : []),
    [
      t('report.field.committee'),
      report.committee_name ? displayName(locale, report.committee_name, report.committee_name_sv) : '–',
    ],
    [t('report.field.clientsParticipated'), report.clients_participated ? t('common.yes') : t('common.no')],
  ]
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(0,18rem)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function TransitionForms() {
  const { report, transitions, committees, closingFollowUp, responds } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { locale, t } = useI18n()
  const invalidAnswer = result && !result.ok && result.error === 'invalid' ? result : undefined
  if (transitions.length === 0) return <p className="text-slate-700">{t('report.transition.none')}</p>
  return (
    <div className="grid gap-4">
      {transitions.map((transition) => {
        // Errors belong to the form that was sent, not to every form with a field of the same name.
        const invalid = invalidAnswer?.sentTo === transition.to ? invalidAnswer : undefined
        return (
          <IntentForm
            key={transition.to}
            intent="transition"
            fields={{ to: transition.to, expectedStatus: report.status }}
            className="grid gap-3 rounded-md border border-slate-200 p-4"
          >
            {transition.needs === 'committee' ? (
              <SelectField
                name="committeeId"
                label={t('report.transition.committee')}
                options={[
                  { value: '', label: t('report.notChosen') },
                  ...committees.map((c) => ({ value: c.id, label: displayName(locale, c.name, c.name_sv) })),
                ]}
                error={invalid?.field === 'committeeId' ? invalid.message : undefined}
              />
            ) : null}
            {transition.needs === 'resolution' ? (
              <SelectField
                name="resolution"
                label={t('report.transition.resolution')}
                options={[
                  { value: '', label: t('report.notChosen') },
                  { value: 'resolved_in_team', label: t('resolution.resolved_in_team') },
                  { value: 'no_further_action', label: t('resolution.no_further_action') },
                ]}
                error={invalid?.field === 'resolution' ? invalid.message : undefined}
              />
            ) : null}
            {transition.to === 'closed' && closingFollowUp ? (
              <ClosingFollowUpFields error={(field) => (invalid?.field === field ? invalid.message : undefined)} />
            ) : null}
            <TextArea
              name="comment"
              rows={2}
              defaultValue={responds?.text ?? ''}
              label={
                transition.needs === 'comment' || transition.needs === 'resolution'
                  ? t('report.transition.commentRequiredLabel')
                  : t('report.transition.comment')
              }
              error={invalid?.field === 'comment' ? invalid.message : undefined}
            />
            <div>
              {transition.to === 'withdrawn' ? (
                <ConfirmButton text={withdrawConfirmation} variant="secondary">
                  {t('report.transition.to.withdrawn')}
                </ConfirmButton>
              ) : (
                <Button variant={transition.to === 'closed' ? 'secondary' : 'primary'}>
                  {t(`report.transition.to.${transition.to}` as MessageKey)}
                </Button>
              )}
            </div>
          </IntentForm>
        )
      })}
    </div>
  )
}

function PhenomenonLinks() {
  const { report, phenomena } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  const invalid = result && !result.ok && result.error === 'invalid' ? result : undefined
  const unlinked = phenomena.filter((p) => !report.phenomena.some((linked) => linked.id === p.id))
  return (
    <div className="grid gap-4">
      {report.phenomena.length > 0 ? (
        <ul className="grid gap-2">
          {report.phenomena.map((phenomenon) => (
            <li key={phenomenon.id} className="flex flex-wrap items-center gap-2">
              <Link to={`/phenomena/${phenomenon.id}`}>{phenomenon.title}</Link>
              <IntentForm intent="unlink" fields={{ phenomenonId: phenomenon.id }}>
                <Button variant="danger" className="min-h-9 px-2 py-1 text-sm">
                  {t('phenomenon.unlink')}
                </Button>
              </IntentForm>
            </li>
          ))}
        </ul>
      ) : null}
      {unlinked.length > 0 ? (
        <FieldAndButtonForm
          intent="link"
          spacing="compact"
          button={<Button variant="secondary">{t('phenomenon.link')}</Button>}
        >
          <SelectField
            name="phenomenonId"
            label={t('phenomenon.linkExisting')}
            options={[
              { value: '', label: t('report.notChosen') },
              ...unlinked.map((p) => ({ value: p.id, label: p.title })),
            ]}
            error={invalid?.field === 'phenomenonId' ? invalid.message : undefined}
          />
        </FieldAndButtonForm>
      ) : null}
      <FieldAndButtonForm
        intent="create"
        spacing="compact"
        button={<Button variant="secondary">{t('phenomenon.create')}</Button>}
      >
        <TextField name="title" label={t('phenomenon.createNew')} defaultValue={report.title} />
      </FieldAndButtonForm>
    </div>
  )
}

export default function ReportPage() {
  const {
    report,
    descriptionHtml,
    flagged,
    events,
    editable,
    mayLink,
    follow,
    proposedActions,
    mayRecordOutcomes,
    changeRequests,
    chain,
    sendTo,
    transitions,
    samePhenomenon,
    questions,
    mayAsk,
    mayAnswer,
    responds,
  } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { locale, t } = useI18n()
  const mayAct = transitions.length > 0
  const nextSteps = (
    <Card title={t('report.section.nextSteps')} id="next-steps">
      {responds && mayAct ? (
        <div className="mb-4">
          <TemplatePicker templates={responds.templates} chosen={responds.chosen} anchor="next-steps" />
        </div>
      ) : null}
      <TransitionForms />
    </Card>
  )
  return (
    <>
      <PageHeading title={report.title}>
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge status={report.status} />
          {report.positive ? (
            <span className="rounded bg-green-50 px-2 text-green-900">{t('reports.positive')}</span>
          ) : null}
        </span>
      </PageHeading>
      <ChangeRequests requests={changeRequests} />
      <div className="mb-4 grid gap-3">
        {searchParams.get('submitted') && !result ? <Alert tone="success">{t('report.submitted')}</Alert> : null}
        {result && !result.ok && result.error === 'confirm' ? (
          <ConfirmationView confirmation={result.confirmation} />
        ) : null}
        {result?.ok && 'done' in result && result.done ? <Alert tone="success">{t(result.done)}</Alert> : null}
        {result && !result.ok && result.error === 'conflict' ? (
          <Alert tone="error">{t('report.conflict', { status: t(`status.${result.currentStatus}`) })}</Alert>
        ) : null}
        {result && !result.ok && result.error === 'identifying' ? (
          <Alert tone="error">
            {t('report.guard.title')} {result.findings.map((finding) => `"${finding.fragment}"`).join(', ')}
          </Alert>
        ) : null}
        {result && !result.ok && result.error === 'incomplete' ? (
          <Alert tone="error">{t('report.incomplete')}</Alert>
        ) : null}
        {flagged ? <Alert tone="error">{t('report.flagged')}</Alert> : null}
        {editable ? (
          <p>
            <Link to={`/reports/${report.id}/edit`}>{t('report.edit.link')}</Link>
          </p>
        ) : null}
      </div>
      {/*
        What the reader may do next comes first, so that on a phone it is not below the whole report; on a wide
        screen it heads the side column beside the report.
      */}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr] lg:grid-rows-[auto_1fr]">
        {mayAct ? <div className="min-w-0 lg:col-start-2 lg:row-start-1">{nextSteps}</div> : null}
        <div className="grid min-w-0 content-start gap-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <Card title={t('report.section.phenomenon')}>
            <div className="prose-report" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
            {report.causes ? (
              <>
                <h3 className="mt-4 font-semibold">{t('report.field.causes')}</h3>
                <p className="whitespace-pre-line">{report.causes}</p>
              </>
            ) : null}
            {report.consequences ? (
              <>
                <h3 className="mt-4 font-semibold">{t('report.field.consequences')}</h3>
                <p className="whitespace-pre-line">{report.consequences}</p>
              </>
            ) : null}
          </Card>
          <Card title={t('report.section.actions')}>
            <ProposedActions actions={proposedActions} mayRecord={mayRecordOutcomes} />
          </Card>
          {chain ? (
            <Card title={t('chain.title')} id="follow-through">
              <FollowThroughChain chain={chain} locale={locale} t={t} followUpHref={followUpPath} />
            </Card>
          ) : null}
          <Card title={t('report.section.details')}>
            <Facts report={report} />
          </Card>
        </div>
        <div
          className={`grid min-w-0 content-start gap-6 lg:col-start-2 ${mayAct ? 'lg:row-start-2' : 'lg:row-start-1'}`}
        >
          {mayAct ? null : nextSteps}
          {sendTo ? <SendForm recipients={sendTo} /> : null}
          <SamePhenomenonCard
            reports={samePhenomenon}
            mayLink={mayLink}
            linkedPhenomenonIds={report.phenomena.map((phenomenon) => phenomenon.id)}
          />
          {mayLink ? (
            <Card title={t('phenomenon.title')}>
              <PhenomenonLinks />
            </Card>
          ) : report.phenomena.length > 0 ? (
            <Card title={t('phenomenon.title')}>
              <ul className="grid gap-1">
                {report.phenomena.map((phenomenon) => (
                  <li key={phenomenon.id}>{phenomenon.title}</li>
                ))}
              </ul>
            </Card>
          ) : null}
          {follow ? (
            <Card title={t('follow.title')}>
              <FollowToggle kind="report" id={report.id} following={follow.following} />
            </Card>
          ) : null}
          {questions.length > 0 || mayAsk ? (
            <Card title={t('question.title')} id="questions">
              {mayAsk && responds ? (
                <div className="mb-4">
                  <TemplatePicker templates={responds.templates} chosen={responds.chosen} anchor="ask-question" />
                </div>
              ) : null}
              <ReportQuestions
                questions={questions}
                mayAsk={mayAsk}
                mayAnswer={mayAnswer}
                templateText={responds?.text ?? ''}
              />
            </Card>
          ) : null}
          <Card title={t('report.timeline.title')} id="timeline">
            <ReportTimeline events={events} />
          </Card>
        </div>
      </div>
    </>
  )
}
