import { type CandidateSearch } from '#app/domain/candidate-search.ts'
import { type Transaction } from 'kysely'
import {
  type AgendaItemInput,
  agendaItemTexts,
  agendaReadyStatus,
  type AgendaMove,
  canPrepareMeetings,
  canReadMeeting,
  canRecordDecision,
  hasMeetingDayCome,
  type DecisionInput,
  type MeetingInput,
  onAgendaStatus,
  reportStatusAfterDecision,
} from '#app/domain/meetings.ts'
import { decisionFields, type DecisionFollowUps, hasFollowUps, noDecisionFollowUps } from '#app/domain/follow-ups.ts'
import { helsinkiDay } from '#app/domain/digest.ts'
import { type ReportStatus } from '#app/domain/report-status.ts'
import {
  checkAgendaLinks,
  insertAgendaItem,
  countForwardedReports,
  listAgendaCandidates as listAgendaCandidatesOf,
  listAgendaItemIds,
  listAgendaItems,
  linkReportsOfPhenomena,
  listReadyReportsOnItems,
  listReportsOnSeveralItems,
  listUnavailableDirectReports,
  updateAgendaItemIfVersion,
} from '#app/models/agenda-item.server.ts'
import { committeeExists, findCommitteeSeat } from '#app/models/committee.server.ts'
import { type Database } from '#app/models/database.ts'
import {
  answerSendingsByDecision,
  findPublishedAgendaItem,
  listItemSubjects,
  lockReportsOnAgendaOfItem,
  setDecisionIfNone,
} from '#app/models/meeting-decision.server.ts'
import { listProposedActions, recordActionOutcome } from '#app/models/proposed-action.server.ts'
import {
  findMeeting,
  insertMeeting,
  listMeetingsForViewer,
  lockMeeting,
  markMeetingPublished,
  type MeetingViewer,
  updateMeetingDetails,
} from '#app/models/meeting.server.ts'
import { deleteFromList, findPositioned, moveWithinList, agendaOf, placeAt } from '#app/models/ordered-items.server.ts'
import { listCommittees } from '#app/models/organisation.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { listOwnReports, replaceLinks } from '#app/models/report-links.server.ts'
import { ReportConflictError, transitionReport } from '#app/models/report.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { checkDecisionFollowUps, createDecisionFollowUps, listResponsibleOptions } from './follow-ups.server.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

/** Who acts on meetings: the signed-in user of an organisation. */
export type MeetingActor = MeetingViewer

export interface UnavailableReport {
  id: string
  title: string
  status: ReportStatus
}

/** The agenda is published and can no longer change. */
type Published = Refused<'published'>
export type MeetingResult<Payload extends object = object> = ServiceResult<Payload, CommonRefusal | Published>
export type PublishResult = ServiceResult<
  { reportCount: number },
  | CommonRefusal
  | Published
  | Refused<'empty'>
  /** Reports linked directly to an item that are no longer waiting for a committee; nothing was published. */
  | Refused<'reports_unavailable', { reports: UnavailableReport[] }>
  /** Reports on more than one item (directly or through a phenomenon): each would get two decisions. */
  | Refused<'reports_on_several_items', { reports: UnavailableReport[] }>
>
/** The item already has its decision; a second one would overwrite the first. */
export type DecisionResult = ServiceResult<
  { reportCount: number },
  CommonRefusal | Refused<'already_decided'> | Refused<'before_meeting'>
>

const notFound = { ok: false, reason: 'not_found' } as const
const forbidden = { ok: false, reason: 'forbidden' } as const
const missingCommittee = {
  ok: false,
  reason: 'invalid',
  fieldErrors: { committeeId: 'meetings.validation.committee' },
} as const

export function listMeetings(actor: MeetingActor) {
  return listMeetingsForViewer(getDb(), actor)
}

/** The committees a meeting may be planned for. */
export function listMeetingCommittees(actor: MeetingActor) {
  return listCommittees(getDb(), actor.organisation.id)
}

/**
 * One page of what may go on an agenda, searched by title, and how many forwarded reports each phenomenon already
 * on the agenda would take with it.
 */
export async function listAgendaCandidates(
  actor: MeetingActor,
  search: CandidateSearch,
  agendaPhenomenonIds: string[],
) {
  const db = getDb()
  const [candidates, forwardedWith] = await Promise.all([
    listAgendaCandidatesOf(db, actor.organisation.id, search),
    countForwardedReports(db, actor.organisation.id, agendaPhenomenonIds),
  ])
  return { ...candidates, forwardedWith }
}

/** A meeting with its agenda and the viewer's seat in its committee; null when the viewer may not read it. */
export async function getMeetingForViewer(actor: MeetingActor, meetingId: string) {
  const db = getDb()
  const meeting = await findMeeting(db, actor.organisation.id, meetingId)
  if (!meeting) return null
  const seat = await findCommitteeSeat(db, meeting.committee_id, actor.id)
  const viewer = { roles: actor.roles, seatedCommitteeIds: seat ? [meeting.committee_id] : [] }
  if (!canReadMeeting(viewer, { committeeId: meeting.committee_id, published: meeting.published_at !== null })) {
    return null
  }
  const items = await listAgendaItems(db, actor.organisation.id, meeting.id)
  return { ...meeting, viewerSeat: seat, items }
}

export type MeetingForViewer = NonNullable<Awaited<ReturnType<typeof getMeetingForViewer>>>

/** Whether this viewer may record decisions in this meeting now: published, their seat, and the day has come. */
export function mayDecide(
  actor: MeetingActor,
  meeting: Pick<MeetingForViewer, 'viewerSeat' | 'published_at' | 'starts_at'>,
  now = new Date(),
) {
  return (
    meeting.published_at !== null &&
    canRecordDecision(actor.roles, meeting.viewerSeat) &&
    hasMeetingDayCome(meeting.starts_at, now)
  )
}

/** The day decisions open for this viewer, while it is still ahead; null when they may decide or never will. */
export function decisionsOpenOn(
  actor: MeetingActor,
  meeting: Pick<MeetingForViewer, 'viewerSeat' | 'published_at' | 'starts_at'>,
  now = new Date(),
) {
  const waiting =
    meeting.published_at !== null &&
    canRecordDecision(actor.roles, meeting.viewerSeat) &&
    !hasMeetingDayCome(meeting.starts_at, now)
  return waiting ? helsinkiDay(meeting.starts_at) : null
}

export async function createMeeting(
  actor: MeetingActor,
  input: MeetingInput,
): Promise<MeetingResult<{ meetingId: string }>> {
  if (!canPrepareMeetings(actor.roles)) return forbidden
  const db = getDb()
  if (!(await committeeExists(db, actor.organisation.id, input.committeeId))) return missingCommittee
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { place: input.place })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const meetingId = await insertMeeting(db, { ...input, organisationId: actor.organisation.id, createdBy: actor.id })
  return { ok: true, meetingId }
}

/**
 * Runs an agenda edit in the one transaction, after locking the meeting: only a meeting of the organisation that
 * is still being prepared can be edited.
 */
async function editAgenda<Result extends object>(
  actor: MeetingActor,
  meetingId: string,
  edit: (trx: Transaction<Database>, meeting: { committee_id: string }) => Promise<Result>,
): Promise<Result | typeof notFound | Published | typeof forbidden> {
  if (!canPrepareMeetings(actor.roles)) return forbidden
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const meeting = await lockMeeting(trx, actor.organisation.id, meetingId)
      if (!meeting) return notFound
      if (meeting.published_at) return { ok: false, reason: 'published' } as const
      return edit(trx, meeting)
    })
}

export async function updateMeeting(
  actor: MeetingActor,
  input: MeetingInput & { meetingId: string },
): Promise<MeetingResult> {
  const findings = await scanTextsOfOrganisation(getDb(), actor.organisation.id, { place: input.place })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  return editAgenda(actor, input.meetingId, async (trx): Promise<MeetingResult> => {
    if (!(await committeeExists(trx, actor.organisation.id, input.committeeId))) return missingCommittee
    await updateMeetingDetails(trx, input.meetingId, input)
    return { ok: true }
  })
}

export function addAgendaItem(
  actor: MeetingActor,
  input: AgendaItemInput & { meetingId: string },
): Promise<MeetingResult<{ itemId: string }>> {
  return addAgendaItemAt(actor, input, null)
}

/**
 * Undoes a deletion: the item is added again from what the page was given when it was deleted, at the place it held,
 * and passes every check a new item passes.
 */
export function restoreAgendaItem(
  actor: MeetingActor,
  input: AgendaItemInput & { meetingId: string; position: number },
): Promise<MeetingResult<{ itemId: string }>> {
  return addAgendaItemAt(actor, input, input.position)
}

async function addAgendaItemAt(
  actor: MeetingActor,
  input: AgendaItemInput & { meetingId: string },
  position: number | null,
): Promise<MeetingResult<{ itemId: string }>> {
  const organisationId = actor.organisation.id
  const findings = await scanTextsOfOrganisation(getDb(), organisationId, agendaItemTexts(input))
  return editAgenda(actor, input.meetingId, async (trx): Promise<MeetingResult<{ itemId: string }>> => {
    if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
    const fieldErrors = await checkAgendaLinks(trx, organisationId, null, input)
    if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: 'invalid', fieldErrors }
    const itemId = await insertAgendaItem(trx, { ...input, organisationId })
    await replaceLinks(trx, { kind: 'agenda_item', id: itemId }, input)
    const added = position === null ? undefined : await findPositioned(trx, agendaOf(input.meetingId), itemId)
    if (added && position !== null) await placeAt(trx, agendaOf(input.meetingId), added, position)
    return { ok: true, itemId }
  })
}

export async function updateAgendaItem(
  actor: MeetingActor,
  input: AgendaItemInput & { meetingId: string; itemId: string; version: Date },
): Promise<MeetingResult> {
  const organisationId = actor.organisation.id
  const findings = await scanTextsOfOrganisation(getDb(), organisationId, agendaItemTexts(input))
  return editAgenda(actor, input.meetingId, async (trx): Promise<MeetingResult> => {
    if (!(await findPositioned(trx, agendaOf(input.meetingId), input.itemId))) return notFound
    if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
    const fieldErrors = await checkAgendaLinks(trx, organisationId, input.itemId, input)
    if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: 'invalid', fieldErrors }
    if (!(await updateAgendaItemIfVersion(trx, input.itemId, input))) return { ok: false, reason: 'stale' }
    // Before publishing an item holds only direct links; the phenomena's reports are added when it is published.
    await replaceLinks(trx, { kind: 'agenda_item', id: input.itemId }, input)
    return { ok: true }
  })
}

/** Deletes the item and closes the gap, so the items stay numbered 1…n. */
export function deleteAgendaItem(
  actor: MeetingActor,
  input: { meetingId: string; itemId: string },
): Promise<MeetingResult> {
  return editAgenda(actor, input.meetingId, async (trx): Promise<MeetingResult> => {
    const agenda = agendaOf(input.meetingId)
    const item = await findPositioned(trx, agenda, input.itemId)
    if (!item) return notFound
    await deleteFromList(trx, agenda, item)
    return { ok: true }
  })
}

/** Swaps the item with its neighbour above or below; at the edge nothing moves. */
export function moveAgendaItem(
  actor: MeetingActor,
  input: { meetingId: string; itemId: string; direction: AgendaMove },
): Promise<MeetingResult<{ moved: boolean }>> {
  return editAgenda(actor, input.meetingId, async (trx): Promise<MeetingResult<{ moved: boolean }>> => {
    const agenda = agendaOf(input.meetingId)
    const item = await findPositioned(trx, agenda, input.itemId)
    if (!item) return notFound
    return { ok: true, moved: await moveWithinList(trx, agenda, item, input.direction) }
  })
}

/**
 * Publishes the agenda in one transaction: the linked phenomena's forwarded reports join their items, and every
 * report on the agenda moves to the committee (one event, so one notification to its reporter, per report).
 * A report linked directly that is no longer forwarded stops the whole publication and is named.
 */
export async function publishMeeting(actor: MeetingActor, input: { meetingId: string }): Promise<PublishResult> {
  const organisationId = actor.organisation.id
  try {
    return await editAgenda(actor, input.meetingId, async (trx, meeting): Promise<PublishResult> => {
      const itemIds = await listAgendaItemIds(trx, input.meetingId)
      if (itemIds.length === 0) return { ok: false, reason: 'empty' }
      const unavailable = await listUnavailableDirectReports(trx, itemIds)
      if (unavailable.length > 0) return { ok: false, reason: 'reports_unavailable', reports: unavailable }
      const repeated = await listReportsOnSeveralItems(trx, organisationId, itemIds)
      if (repeated.length > 0) return { ok: false, reason: 'reports_on_several_items', reports: repeated }
      await linkReportsOfPhenomena(trx, organisationId, itemIds)
      // Each report now stands on one item only (checked above).
      const onAgenda = await listReadyReportsOnItems(trx, itemIds)
      for (const link of onAgenda) {
        await transitionReport(trx, {
          reportId: link.report_id,
          organisationId,
          actorId: actor.id,
          from: agendaReadyStatus,
          to: onAgendaStatus,
          committeeId: meeting.committee_id,
          agendaItemId: link.agenda_item_id,
          via: 'meeting',
        })
      }
      await markMeetingPublished(trx, input.meetingId, actor.id)
      return { ok: true, reportCount: onAgenda.length }
    })
  } catch (error) {
    if (!(error instanceof ReportConflictError)) throw error
    // Someone moved a report on while we published: nothing was written; say which report.
    const reports = await listOwnReports(getDb(), organisationId, [error.reportId])
    return { ok: false, reason: 'reports_unavailable', reports }
  }
}

/**
 * Records the committee's decision on an item once, and in the same transaction moves every report of the item
 * that is still on the agenda to where the decision sends it, the decision text as the event's comment. Each
 * report is on an item once (direct link or via a phenomenon), so each reporter hears of it once per report.
 *
 * A decision on the measures (päätetty toimenpiteistä) may adopt proposed actions of the item's reports and
 * phenomena, and set tasks of its own: each adopted action is marked accepted with the decision text as the reason,
 * so the outcome and the decision never contradict each other, and each adopted action and task becomes a follow-up
 * concerning the item's reports, with a target date no earlier than the meeting's day. A decision that settles the
 * item (noted or decided) also answers every open sending of its reports and phenomena to the committee.
 */
export async function recordDecision(
  actor: MeetingActor,
  input: DecisionInput & { meetingId: string; itemId: string; followUps?: DecisionFollowUps },
): Promise<DecisionResult> {
  const db = getDb()
  const organisationId = actor.organisation.id
  const followUps = input.followUps ?? noDecisionFollowUps
  const item = await findPublishedAgendaItem(db, organisationId, input.meetingId, input.itemId)
  if (!item) return notFound
  const seat = await findCommitteeSeat(db, item.committee_id, actor.id)
  const viewer = { roles: actor.roles, seatedCommitteeIds: seat ? [item.committee_id] : [] }
  if (!canReadMeeting(viewer, { committeeId: item.committee_id, published: true })) return notFound
  if (!canRecordDecision(actor.roles, seat)) return forbidden
  if (item.decision) return { ok: false, reason: 'already_decided' }
  if (!hasMeetingDayCome(item.starts_at, new Date())) return { ok: false, reason: 'before_meeting' }
  const subjects = await listItemSubjects(db, item.id)
  const actions = await listProposedActions(db, organisationId, subjects)
  const decidedOn = helsinkiDay(item.starts_at)
  if (hasFollowUps(followUps) && input.kind !== 'decided') {
    return { ok: false, reason: 'invalid', fieldErrors: { [decisionFields.adopt]: 'followUps.validation.onlyDecided' } }
  }
  const fieldErrors = await checkDecisionFollowUps(db, organisationId, followUps, {
    decidedOn,
    actionIds: actions.map((action) => action.id),
  })
  if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: 'invalid', fieldErrors }
  const findings = await scanTextsOfOrganisation(db, organisationId, {
    text: input.text,
    ...Object.fromEntries(followUps.tasks.map((task, index) => [decisionFields.task(index, 'title'), task.title])),
  })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const to = reportStatusAfterDecision(input.kind)
  return db.transaction().execute(async (trx): Promise<DecisionResult> => {
    if (!(await setDecisionIfNone(trx, item.id, { kind: input.kind, text: input.text, decidedBy: actor.id }))) {
      return { ok: false, reason: 'already_decided' }
    }
    const reportIds = await lockReportsOnAgendaOfItem(trx, organisationId, item.id)
    for (const reportId of reportIds) {
      await transitionReport(trx, {
        reportId,
        organisationId,
        actorId: actor.id,
        from: onAgendaStatus,
        to,
        comment: input.text,
        decision: input.kind,
        committeeId: item.committee_id,
        agendaItemId: item.id,
        via: 'meeting',
      })
    }
    if (to === 'decided') {
      await answerSendingsByDecision(trx, {
        organisationId,
        itemId: item.id,
        committeeId: item.committee_id,
        actorId: actor.id,
        answer: input.text,
      })
    }
    for (const adopted of followUps.adopted) {
      await recordActionOutcome(trx, {
        organisationId,
        actorId: actor.id,
        proposedActionId: adopted.proposedActionId,
        outcome: 'accepted',
        reason: input.text,
      })
    }
    await createDecisionFollowUps(trx, {
      organisationId,
      actorId: actor.id,
      agendaItemId: item.id,
      decidedOn,
      reportIds: subjects.reportIds,
      followUps,
      actions,
    })
    return { ok: true, reportCount: reportIds.length }
  })
}

/**
 * What the decision forms of a meeting offer the chair or secretary: per undecided item the proposed actions of its
 * reports and phenomena, the meeting's day (no target date may come before it), and who may be named responsible.
 */
export async function listDecisionChoices(actor: MeetingActor, meeting: MeetingForViewer) {
  if (!mayDecide(actor, meeting)) return null
  const db = getDb()
  const undecided = meeting.items.filter((item) => item.decision === null)
  const actions = await listProposedActions(db, actor.organisation.id, {
    reportIds: [...new Set(undecided.flatMap((item) => item.reports.map((report) => report.id)))],
    phenomenonIds: [...new Set(undecided.flatMap((item) => item.phenomena.map((phenomenon) => phenomenon.id)))],
  })
  const options = await listResponsibleOptions(actor)
  return {
    decidedOn: helsinkiDay(meeting.starts_at),
    options,
    actionsByItem: Object.fromEntries(
      undecided.map((item) => {
        const reportIds = item.reports.map((report) => report.id)
        const phenomenonIds = item.phenomena.map((phenomenon) => phenomenon.id)
        return [
          item.id,
          actions.filter(
            (action) =>
              (action.reportId !== null && reportIds.includes(action.reportId)) ||
              (action.phenomenonId !== null && phenomenonIds.includes(action.phenomenonId)),
          ),
        ]
      }),
    ),
  }
}
