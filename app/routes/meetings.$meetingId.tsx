import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ConfirmButton, ConfirmationView } from '#app/components/confirm.tsx'
import { IntentForm } from '#app/components/intent-form.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import {
  AgendaItemBody,
  AgendaItemTitle,
  type AgendaItemView,
  DecisionText,
  useItemNumber,
} from '#app/components/meeting-agenda.tsx'
import {
  type AgendaCandidates,
  AgendaItemForm,
  DecisionForm,
  MeetingDetailsForm,
} from '#app/components/meeting-forms.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { useFocusAfterMove } from '#app/components/use-focus-after-move.ts'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { FieldError } from '#app/components/ui/field.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { readCandidateSearch } from '#app/domain/candidate-search.ts'
import { EditVersionSchema } from '#app/domain/edit-version.ts'
import {
  AgendaItemSchema,
  agendaMoves,
  canPrepareMeetings,
  DecisionSchema,
  meetingReaderRoles,
  MeetingSchema,
  toHelsinkiDateTimeInput,
  withoutOtherItems,
} from '#app/domain/meetings.ts'
import { versionOf } from '#app/models/edit-version.server.ts'
import { DecisionFollowUpList } from '#app/components/decision-follow-ups.tsx'
import { decisionFields, decisionTaskRows, readDecisionFollowUps } from '#app/domain/follow-ups.ts'
import { recordRead } from '#app/services/audit.server.ts'
import { listDecisionFollowUps } from '#app/services/follow-ups.server.ts'
import {
  addAgendaItem,
  deleteAgendaItem,
  getMeetingForViewer,
  listDecisionChoices,
  listAgendaCandidates,
  listMeetingCommittees,
  decisionsOpenOn,
  mayDecide,
  moveAgendaItem,
  publishMeeting,
  recordDecision,
  restoreAgendaItem,
  updateAgendaItem,
  type MeetingActor,
  updateMeeting,
} from '#app/services/meetings.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { type ConfirmationText, isConfirmed } from '#app/utils/confirmation.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { formatDate, formatDateTime } from '#app/utils/i18n.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { readSearchParams, requireUuid } from '#app/utils/params.server.ts'
import { failureFor, type RefusalAnswer } from '#app/utils/page-result.ts'
import { type FormReplies, type FormReply, formReplies } from '#app/utils/page-result.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, meetingReaderRoles)
  const meeting = await getMeetingForViewer(user, requireUuid(params.meetingId))
  if (!meeting) throw data({ code: 'not_found' }, { status: 404 })
  await recordRead(user, request, { action: 'meeting.read', target: { type: 'meeting', id: meeting.id } })
  const editable = canPrepareMeetings(user.roles) && meeting.published_at === null
  const candidateSearch = readCandidateSearch(readSearchParams(request))
  const agendaPhenomenonIds = meeting.items.flatMap((item) => item.phenomena.map((phenomenon) => phenomenon.id))
  const [{ forwardedWith, ...candidates }, committees] = editable
    ? await Promise.all([listAgendaCandidates(user, candidateSearch, agendaPhenomenonIds), listMeetingCommittees(user)])
    : [{ reports: [], phenomena: [], hasNext: false, forwardedWith: new Map<string, number>() }, []]
  const [decisionChoices, followUpsByItem] = await Promise.all([
    listDecisionChoices(user, meeting),
    listDecisionFollowUps(
      user,
      meeting.items.filter((item) => item.decision !== null).map((item) => item.id),
    ),
  ])
  const { items, viewerSeat: _seat, ...details } = meeting
  return {
    meeting: { ...details, startsAtInput: toHelsinkiDateTimeInput(meeting.starts_at) },
    items: items.map(({ summary, updated_at, ...item }) => ({
      ...item,
      version: versionOf(updated_at),
      summaryHtml: renderMarkdown(summary),
      // Only the coordinator editing the item needs the Markdown source.
      summary: editable ? summary : null,
      phenomena: item.phenomena.map((phenomenon) =>
        editable ? { ...phenomenon, forwarded_count: forwardedWith.get(phenomenon.id) ?? 0 } : phenomenon,
      ),
      followUps: followUpsByItem[item.id] ?? [],
      adoptable: (decisionChoices?.actionsByItem[item.id] ?? []).map((action) => ({
        id: action.id,
        description: action.description,
        outcome: action.outcome,
        reportTitle: item.reports.find((report) => report.id === action.reportId)?.title ?? null,
        phenomenonTitle: item.phenomena.find((phenomenon) => phenomenon.id === action.phenomenonId)?.title ?? null,
      })),
    })),
    decision: decisionChoices ? { decidedOn: decisionChoices.decidedOn, choices: decisionChoices.options } : null,
    editable,
    mayDecide: mayDecide(user, meeting),
    decisionsOpenOn: decisionsOpenOn(user, meeting),
    candidates,
    candidateSearch,
    committees,
  }
}

const ItemIdSchema = z.object({ itemId: z.uuid({ error: 'validation.invalid' }) })
const UpdateAgendaItemSchema = AgendaItemSchema.extend({ version: EditVersionSchema })
const RestoreAgendaItemSchema = AgendaItemSchema.extend({
  position: z.coerce.number({ error: 'validation.invalid' }).int().min(1),
})
const MoveSchema = ItemIdSchema.extend({ direction: z.enum(agendaMoves, { error: 'validation.invalid' }) })
const PublishSchema = z.object({
  confirm: z.literal('on', { error: 'meetings.publish.confirmRequired' }),
})
/** Which form on the page a submission came from, so its errors and values go back to that form. */
function formIdOf(intent: Intent, itemId: string): string {
  switch (intent) {
    case 'updateMeeting':
    case 'addItem':
    case 'restoreItem':
    case 'publish':
      return intent
    case 'updateItem':
    case 'deleteItem':
    case 'moveItem':
      return `item:${itemId}`
    case 'decide':
      return `decide:${itemId}`
  }
}

/** Deleting an agenda item cannot be undone, so it asks first, naming the item. */
const deleteItemConfirmation = (item: string): ConfirmationText => ({
  message: 'meetings.item.deleteConfirm',
  params: { item },
  yes: 'meetings.item.deleteYes',
})

/** What the page needs to put a deleted item back: its texts, its own links and its place, read before deleting. */
async function undoOfDeleting(user: MeetingActor, ids: { meetingId: string; itemId: string }) {
  const meeting = await getMeetingForViewer(user, ids.meetingId)
  const index = meeting?.items.findIndex((candidate) => candidate.id === ids.itemId) ?? -1
  const item = meeting?.items[index]
  if (!item) return null
  const fields: [string, string][] = [
    ['title', item.title],
    ['summary', item.summary],
    ['proposal', item.proposal],
    ['position', String(index + 1)],
    ...item.reports.filter((r) => r.via_phenomenon_id === null).map((r): [string, string] => ['reportIds', r.id]),
    ...item.phenomena.map((p): [string, string] => ['phenomenonIds', p.id]),
  ]
  return { intent: 'restoreItem', fields }
}

/** The meeting refusals the page answers in its own words. */
const refusals: Record<string, RefusalAnswer> = {
  published: { status: 409, message: 'meetings.alreadyPublished' },
  already_decided: { status: 409, message: 'meetings.decision.alreadyDecided' },
  before_meeting: { status: 409, message: 'meetings.decision.beforeMeeting' },
  empty: { status: 400, message: 'meetings.publish.empty' },
  reports_unavailable: { status: 409, message: 'meetings.publish.reportsUnavailable' },
  reports_on_several_items: { status: 409, message: 'meetings.publish.reportsOnSeveralItems' },
}
const reportArrays = ['reportIds', 'phenomenonIds']
const agendaItemTextFields = ['title', 'summary', 'proposal']
/** The decision form's texts that reach the minutes and the reporters: the decision and its tasks' titles. */
const decisionTextFields = [
  'text',
  ...Array.from({ length: decisionTaskRows }, (_, index) => decisionFields.task(index, 'title')),
]

interface Submission {
  user: MeetingActor
  formData: FormData
  page: FormReplies
  ids: { meetingId: string; itemId: string }
}

/** Each form of the page: read its fields, call its one use case, answer through the page result. */
const handlers = {
  async updateMeeting({ user, formData, page, ids: { meetingId } }) {
    const parsed = parseForm(MeetingSchema, formData)
    if (!parsed.ok) return page.invalid(parsed.fieldErrors)
    return page.answer(await updateMeeting(user, { ...parsed.data, meetingId }), 'meetings.saved')
  },
  async addItem({ user, formData, page, ids: { meetingId } }) {
    const parsed = parseForm(AgendaItemSchema, formData, reportArrays)
    if (!parsed.ok) return page.invalidTexts(parsed.fieldErrors, agendaItemTextFields)
    const added = await addAgendaItem(user, { ...parsed.data, meetingId })
    return page.answer(added, 'meetings.item.added', added.ok ? { addedId: added.itemId } : {})
  },
  async updateItem({ user, formData, page, ids }) {
    const parsed = parseForm(UpdateAgendaItemSchema, formData, reportArrays)
    if (!parsed.ok && parsed.fieldErrors.version) return page.staleForm()
    if (!parsed.ok) return page.invalidTexts(parsed.fieldErrors, agendaItemTextFields)
    return page.answer(await updateAgendaItem(user, { ...parsed.data, ...ids }), 'meetings.item.saved')
  },
  async deleteItem({ user, formData, page, ids }) {
    if (!isConfirmed(formData)) {
      const meeting = await getMeetingForViewer(user, ids.meetingId)
      const item = meeting?.items.find((candidate) => candidate.id === ids.itemId)
      if (!meeting || !item) throw data({ code: 'not_found' }, { status: 404 })
      // A published agenda is refused as it is refused when confirmed; there is nothing to ask.
      if (meeting.published_at === null) return page.confirm(deleteItemConfirmation(item.title))
    }
    const undo = await undoOfDeleting(user, ids)
    return page.answer(await deleteAgendaItem(user, ids), 'meetings.item.deleted', undo ? { undo } : {})
  },
  async restoreItem({ user, formData, page, ids: { meetingId } }) {
    const parsed = parseForm(RestoreAgendaItemSchema, formData, reportArrays)
    if (!parsed.ok) return page.invalidTexts(parsed.fieldErrors, agendaItemTextFields)
    return page.answer(await restoreAgendaItem(user, { ...parsed.data, meetingId }), 'meetings.item.restored')
  },
  async moveItem({ user, formData, page, ids }) {
    const parsed = parseForm(MoveSchema, formData)
    if (!parsed.ok) return page.invalid(parsed.fieldErrors)
    return page.answer(await moveAgendaItem(user, { ...ids, direction: parsed.data.direction }), 'meetings.item.moved')
  },
  async publish({ user, formData, page, ids: { meetingId } }) {
    const parsed = parseForm(PublishSchema, formData)
    if (!parsed.ok) return page.invalid(parsed.fieldErrors)
    return page.answer(await publishMeeting(user, { meetingId }), 'meetings.publish.done')
  },
  async decide({ user, formData, page, ids }) {
    const parsed = parseForm(DecisionSchema, formData)
    const followUps = readDecisionFollowUps(
      (name) => String(formData.get(name) ?? ''),
      formData.getAll(decisionFields.adopt).map(String),
    )
    if (!parsed.ok || !followUps.ok) {
      const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...(followUps.ok ? {} : followUps.fieldErrors) }
      return page.invalidTexts(fieldErrors, decisionTextFields)
    }
    const decided = await recordDecision(user, { ...parsed.data, ...ids, followUps: followUps.data })
    return page.answer(decided, 'meetings.decision.done')
  },
} satisfies Record<string, (submission: Submission) => Promise<FormReply>>
type Intent = keyof typeof handlers
const intents = Object.keys(handlers) as Intent[]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, meetingReaderRoles)
  const meetingId = requireUuid(params.meetingId)
  const formData = await readProtectedForm(request)
  const intent = intents.find((known) => known === formData.get('intent'))
  if (!intent) throw data({ code: 'bad_request' }, { status: 400 })
  // Everything but recording a decision is preparing the agenda, the coordinator's work.
  if (intent !== 'decide' && !canPrepareMeetings(user.roles)) throw data({ code: 'forbidden' }, { status: 403 })
  const itemId = String(formData.get('itemId') ?? '')
  const formId = formIdOf(intent, itemId)
  // An item form always names its item; a malformed id can never name one.
  if (formId.includes(':') && !parseForm(ItemIdSchema, formData).ok) throw data({ code: 'not_found' }, { status: 404 })
  const guardField = 'meetings.guard.field'
  const page = formReplies({ organisationId: user.organisation.id, formData, formId, guardField, refusals })
  return handlers[intent]({ user, formData, page, ids: { meetingId, itemId } })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type ItemData = LoaderData['items'][number]

const moves = [
  { direction: 'up', label: 'meetings.item.moveUp', named: 'meetings.item.moveUpNamed' },
  { direction: 'down', label: 'meetings.item.moveDown', named: 'meetings.item.moveDownNamed' },
] as const

function MoveButtons({ item, index, count }: { item: ItemData; index: number; count: number }) {
  const { t } = useI18n()
  const itemNumber = useItemNumber()
  const name = `${itemNumber(index)} ${item.title}`
  const result = useActionData<typeof action>()
  const { containerProps } = useFocusAfterMove(
    result?.formId === `item:${item.id}` && result.message === 'meetings.item.moved',
    index,
  )
  return (
    <div {...containerProps}>
      <Form method="post" className="flex flex-wrap gap-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="moveItem" />
        <input type="hidden" name="itemId" value={item.id} />
        {moves
          .filter((move) => (move.direction === 'up' ? index > 0 : index < count - 1))
          .map((move) => (
            <Button
              key={move.direction}
              variant="secondary"
              name="direction"
              value={move.direction}
              className="min-h-9 px-2 py-1 text-sm"
              aria-label={t(move.named, { item: name })}
            >
              {t(move.label)}
            </Button>
          ))}
      </Form>
    </div>
  )
}

/**
 * Forwarded reports and phenomena, plus what this item already links to even if it has moved on since, minus what
 * another item of the agenda already holds.
 */
function candidatesFor(candidates: AgendaCandidates, items: ItemData[], item: ItemData | null): AgendaCandidates {
  const direct = item ? item.reports.filter((report) => report.via_phenomenon_id === null) : []
  const linked = item ? item.phenomena : []
  return withoutOtherItems(
    {
      reports: [...candidates.reports, ...direct.filter((r) => !candidates.reports.some((c) => c.id === r.id))],
      phenomena: [
        ...candidates.phenomena,
        ...linked
          .filter((p) => !candidates.phenomena.some((c) => c.id === p.id))
          .map((p) => ({ id: p.id, title: p.title, forwarded_count: 'forwarded_count' in p ? p.forwarded_count : 0 })),
      ],
    },
    items.filter((other) => other.id !== item?.id),
  )
}

function EditItem({ item, index }: { item: ItemData; index: number }) {
  const { candidates, candidateSearch, items } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  const itemNumber = useItemNumber()
  const failure = failureFor(result, `item:${item.id}`)
  const name = `${itemNumber(index)} ${item.title}`
  return (
    <details
      className="mt-4 rounded-md border border-slate-300 p-3"
      open={Boolean(failure) || candidateSearch.for === item.id}
    >
      <summary className="cursor-pointer font-semibold text-brand-800">
        {t('meetings.item.editNamed', { item: name })}
      </summary>
      <div className="mt-4 grid gap-6">
        <AgendaItemForm
          key={failure ? 'failed' : `${item.title}:${item.summary}:${item.proposal}`}
          intent="updateItem"
          itemId={item.id}
          version={item.version}
          defaults={{
            title: item.title,
            summary: item.summary ?? '',
            proposal: item.proposal,
            reportIds: item.reports.filter((r) => r.via_phenomenon_id === null).map((r) => r.id),
            phenomenonIds: item.phenomena.map((p) => p.id),
          }}
          candidates={candidatesFor(candidates, items, item)}
          failure={failure}
          submitLabel={t('meetings.item.save')}
          picker={{ id: item.id, name, search: candidateSearch, hasNext: candidates.hasNext }}
        />
        <Form method="post" className="border-t border-slate-200 pt-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="deleteItem" />
          <input type="hidden" name="itemId" value={item.id} />
          <ConfirmButton
            text={deleteItemConfirmation(item.title)}
            label={t('meetings.item.deleteNamed', { item: name })}
          >
            {t('meetings.item.delete')}
          </ConfirmButton>
        </Form>
      </div>
    </details>
  )
}

function AgendaItem({ item, index, count }: { item: ItemData; index: number; count: number }) {
  const { editable, mayDecide, decisionsOpenOn, decision } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const result = useActionData<typeof action>()
  const itemNumber = useItemNumber()
  const view: AgendaItemView = item
  return (
    <li className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
      <article aria-labelledby={`item-${item.id}`} className="grid gap-2">
        <div id={`item-${item.id}`}>
          <AgendaItemTitle index={index} item={view} level={3} />
        </div>
        {editable ? <MoveButtons item={item} index={index} count={count} /> : null}
        <AgendaItemBody item={view} level={3} linkReports />
        {item.decision ? <DecisionText item={view} level={3} /> : null}
        {item.decision ? <DecisionFollowUpList followUps={item.followUps} /> : null}
        {decisionsOpenOn && !item.decision ? (
          <p className="text-slate-700">
            {t('meetings.decision.opensOn', { date: formatDate(locale, decisionsOpenOn) })}
          </p>
        ) : null}
        {mayDecide && !item.decision ? (
          <DecisionForm
            itemId={item.id}
            itemLabel={`${itemNumber(index)} ${item.title}`}
            failure={failureFor(result, `decide:${item.id}`)}
            followUps={
              decision
                ? {
                    decidedOn: decision.decidedOn,
                    choices: decision.choices,
                    actions: item.adoptable.map((action) => ({
                      id: action.id,
                      description: action.description,
                      outcome: action.outcome,
                      source:
                        action.reportTitle !== null
                          ? t('followUps.decision.action.report', { title: action.reportTitle })
                          : t('followUps.decision.action.phenomenon', { title: action.phenomenonTitle ?? '' }),
                    })),
                  }
                : undefined
            }
          />
        ) : null}
        {editable ? <EditItem item={item} index={index} /> : null}
      </article>
    </li>
  )
}

function PublishForm() {
  const { items } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  const failure = failureFor(result, 'publish')
  const reportCount = new Set(items.flatMap((item) => item.reports.map((report) => report.id))).size
  return (
    <Form method="post" className="grid gap-4" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="publish" />
      <p>{t('meetings.publish.explanation', { items: items.length, reports: reportCount })}</p>
      <div>
        <label className="flex min-h-11 items-center gap-2 font-semibold">
          <input
            type="checkbox"
            name="confirm"
            value="on"
            required
            aria-invalid={failure?.fieldErrors.confirm ? true : undefined}
            aria-describedby={failure?.fieldErrors.confirm ? 'publish-confirm-error' : undefined}
            className="size-5 accent-brand-700"
          />
          {t('meetings.publish.confirm')}
        </label>
        <FieldError id="publish-confirm-error" error={failure?.fieldErrors.confirm} />
      </div>
      <div>
        <Button>{t('meetings.publish.submit')}</Button>
      </div>
    </Form>
  )
}

function PageMessage() {
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t } = useI18n()
  if (!result) return searchParams.get('planned') ? <Alert tone="success">{t('meetings.plan.done')}</Alert> : null
  if (result.ok && result.undo) {
    return (
      <Alert tone="success">
        <IntentForm intent={result.undo.intent} className="flex flex-wrap items-center gap-3">
          {result.undo.fields.map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <span>{result.message ? t(result.message) : null}</span>
          <Button variant="secondary">{t('meetings.item.undo')}</Button>
        </IntentForm>
      </Alert>
    )
  }
  if (result.ok) return result.message ? <Alert tone="success">{t(result.message)}</Alert> : null
  // Findings are listed in the form itself, next to the fields that hold them.
  if (!result.message && (result.findings.length > 0 || Object.keys(result.fieldErrors).length === 0)) return null
  return (
    <Alert tone="error">
      <p>{t(result.message ?? 'meetings.formHasErrors')}</p>
      {result.reports.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {result.reports.map((report) => (
            <li key={report.id}>
              <Link to={`/reports/${report.id}`}>{report.title}</Link> ({t(`status.${report.status}`)})
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  )
}

export default function MeetingPage() {
  const { meeting, items, editable, candidates, candidateSearch, committees } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading
        title={t('meetings.name', {
          committee: displayName(locale, meeting.committee_name, meeting.committee_name_sv),
          time: formatDateTime(locale, meeting.starts_at),
        })}
      >
        <span className="flex flex-wrap gap-x-4">
          <span>{meeting.place || t('meetings.noPlace')}</span>
          <span className="font-semibold">
            {meeting.published_at
              ? t('meetings.state.publishedAt', { time: formatDateTime(locale, meeting.published_at) })
              : t('meetings.state.draft')}
          </span>
        </span>
      </PageHeading>
      <div className="mb-4 grid gap-3">
        {result?.confirmation ? <ConfirmationView confirmation={result.confirmation} /> : <PageMessage />}
        <p className="flex flex-wrap gap-4">
          <Link to={`/meetings/${meeting.id}/agenda`}>{t('meetings.print.agendaLink')}</Link>
          {meeting.published_at ? (
            <Link to={`/meetings/${meeting.id}/minutes`}>{t('meetings.print.minutesLink')}</Link>
          ) : null}
          <Link to="/meetings">{t('meetings.backToList')}</Link>
        </p>
      </div>
      <div className={editable ? 'grid gap-6 lg:grid-cols-[2fr_1fr]' : 'grid gap-6'}>
        <div className="grid min-w-0 content-start gap-6">
          <Card title={t('meetings.agenda.title')}>
            {items.length === 0 ? (
              <p>{editable ? t('meetings.agenda.emptyDraft') : t('meetings.agenda.empty')}</p>
            ) : (
              <ol className="grid gap-6">
                {items.map((item, index) => (
                  <AgendaItem key={item.id} item={item} index={index} count={items.length} />
                ))}
              </ol>
            )}
          </Card>
          {editable ? (
            <Card title={t('meetings.item.addTitle')}>
              <AgendaItemForm
                // Keyed by the action's own answer: a key from the reloaded items could remount the form after
                // the success message, dropping what the user had started typing.
                key={result?.formId === 'addItem' && result.addedId ? `added-${result.addedId}` : 'add'}
                intent="addItem"
                defaults={{ title: '', summary: '', proposal: '', reportIds: [], phenomenonIds: [] }}
                candidates={candidatesFor(candidates, items, null)}
                failure={failureFor(result, 'addItem')}
                submitLabel={t('meetings.item.add')}
                picker={{
                  id: 'new',
                  name: t('meetings.item.addTitle'),
                  search: candidateSearch,
                  hasNext: candidates.hasNext,
                }}
              />
            </Card>
          ) : null}
        </div>
        {editable ? (
          <div className="grid min-w-0 content-start gap-6">
            <Card title={t('meetings.publish.title')}>
              <PublishForm />
            </Card>
            <Card title={t('meetings.details.title')}>
              <MeetingDetailsForm
                key={`${meeting.committee_id}:${meeting.startsAtInput}:${meeting.place}`}
                intent="updateMeeting"
                committees={committees}
                defaults={{
                  committeeId: meeting.committee_id,
                  startsAt: meeting.startsAtInput,
                  place: meeting.place,
                }}
                failure={failureFor(result, 'updateMeeting')}
                submitLabel={t('common.save')}
              />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  )
}
