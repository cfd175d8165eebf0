import { type Transaction } from 'kysely'
import {
  canUpdateFollowUp,
  type DecisionFollowUps,
  decisionFields,
  followUpBoardScope,
  followUpToday,
  type FollowUpStatus,
  isOverdue,
  isReminderDue,
  isTargetBeforeDecision,
  nextFollowUpState,
  type Responsible,
  targetDateErrors,
} from '#app/domain/follow-ups.ts'
import { helsinkiDay } from '#app/domain/digest.ts'
import { mayFollowUpAnswer } from '#app/domain/sendings.ts'
import { type Database } from '#app/models/database.ts'
import { enqueueEmail } from '#app/models/email-job.server.ts'
import {
  addFollowUpUpdate,
  createFollowUp,
  findFollowUpForViewer,
  findFollowUpStanding,
  type FollowUpFilters,
  isResponsibleOfOrganisation,
  listFollowUpReports,
  listFollowUps,
  listFollowUpsOfAgendaItems,
  listFollowUpUpdates,
  listNewlyOverdueFollowUps,
  listOverdueFollowUpsFor,
  listOverdueReminderAddressees,
  listResponsibleChoices,
  lockFollowUp,
  markFollowUpOverdue,
  markFollowUpsReminded,
} from '#app/models/follow-up.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { concernedReportIds } from '#app/models/report-links.server.ts'
import { getSending, isRecipientMember, listSendingFollowUps } from '#app/models/sending.server.ts'
import { listMunicipalities } from '#app/models/organisation.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { type FieldErrors } from '#app/utils/forms.ts'
import { type ServiceResult } from './result.ts'

const notFound = { ok: false, reason: 'not_found' } as const
const forbidden = { ok: false, reason: 'forbidden' } as const

type StoredFollowUp = NonNullable<Awaited<ReturnType<typeof findFollowUpForViewer>>>

/** A follow-up as every surface shows it: its stored fields, and whether it is overdue today. */
export function presentFollowUp(row: StoredFollowUp, today: string) {
  return {
    ...row,
    overdue: isOverdue({ status: row.status, targetDate: row.target_date }, today),
  }
}

export type FollowUpView = ReturnType<typeof presentFollowUp>

/** Who answers for a follow-up in one line (body or team, then person); null when it is left to the coordinator. */
export function responsibleText(row: {
  recipient_name: string | null
  team_name: string | null
  person_name: string | null
}): string | null {
  return [row.recipient_name ?? row.team_name, row.person_name].filter(Boolean).join(' · ') || null
}

/**
 * A follow-up for its page and the API: where it came from, who answers for it, the reports it concerns that the
 * viewer may read, its dated updates, and whether the viewer may post one. Null when the viewer may not read it.
 */
export async function getFollowUp(actor: CurrentUser, followUpId: string, now = new Date()) {
  const db = getDb()
  const row = await findFollowUpForViewer(db, actor, followUpId)
  if (!row) return null
  const [standing, concerned, updates] = await Promise.all([
    findFollowUpStanding(db, actor, followUpId),
    listFollowUpReports(db, actor, followUpId),
    listFollowUpUpdates(db, actor.organisation.id, followUpId),
  ])
  return {
    followUp: presentFollowUp(row, followUpToday(now)),
    reports: concerned.reports,
    reportCount: concerned.total,
    updates,
    mayUpdate: canUpdateFollowUp(actor.roles, standing),
  }
}

export type FollowUpDetail = NonNullable<Awaited<ReturnType<typeof getFollowUp>>>

/** The board: the follow-ups in the viewer's scope under the filters, a page of them. */
export async function listFollowUpBoard(
  actor: CurrentUser,
  filters: FollowUpFilters,
  page: { limit: number; offset: number },
  now = new Date(),
) {
  const today = followUpToday(now)
  const rows = await listFollowUps(getDb(), actor, followUpBoardScope(actor.roles), filters, today, page)
  return rows.map((row) => presentFollowUp(row, today))
}

/** What the board's filters offer: the organisation's recipients, municipalities and people. */
export async function listFollowUpFilterChoices(actor: CurrentUser) {
  const db = getDb()
  const [choices, municipalities] = await Promise.all([
    listResponsibleChoices(db, actor.organisation.id),
    listMunicipalities(db, actor.organisation.id),
  ])
  return { recipients: choices.recipients, people: choices.people, municipalities }
}

/**
 * The follow-ups each decided item set, by item, for the meeting page: its readers are the committee that decided
 * and the coordinators.
 */
export async function listDecisionFollowUps(
  actor: Pick<CurrentUser, 'organisation'>,
  itemIds: string[],
  now = new Date(),
) {
  const today = followUpToday(now)
  const rows = await listFollowUpsOfAgendaItems(getDb(), actor.organisation.id, itemIds)
  const byItem: Record<string, ReturnType<typeof listItem>[]> = {}
  function listItem(row: (typeof rows)[number]) {
    const { id, title, status, progress, target_date, overdue } = presentFollowUp(row, today)
    return { id, title, status, progress, target_date, overdue, responsible: responsibleText(row) }
  }
  for (const row of rows) (byItem[row.agenda_item_id!] ??= []).push(listItem(row))
  return byItem
}

/** Who the decision and closing forms may name as responsible. */
export function listResponsibleOptions(actor: Pick<CurrentUser, 'organisation'>) {
  return listResponsibleChoices(getDb(), actor.organisation.id)
}

export type FollowUpUpdateResult = ServiceResult<{ version: number }>

/**
 * Posts a dated update: the responsible person, a coordinator, a member of the responsible body or a lead of the
 * responsible team may. The text passes the identifiability guard; an update on a follow-up someone else changed
 * since `expectedVersion` is refused as stale, and nothing is written.
 */
export async function postFollowUpUpdate(
  actor: CurrentUser,
  input: {
    followUpId: string
    expectedVersion: number
    body: string
    status: FollowUpStatus | null
    progress: number | null
  },
): Promise<FollowUpUpdateResult> {
  const db = getDb()
  const organisationId = actor.organisation.id
  if (!(await findFollowUpForViewer(db, actor, input.followUpId))) return notFound
  if (!canUpdateFollowUp(actor.roles, await findFollowUpStanding(db, actor, input.followUpId))) return forbidden
  const findings = await scanTextsOfOrganisation(db, organisationId, { body: input.body })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  return db.transaction().execute(async (trx): Promise<FollowUpUpdateResult> => {
    const current = await lockFollowUp(trx, organisationId, input.followUpId)
    if (!current) return notFound
    if (current.version !== input.expectedVersion) return { ok: false, reason: 'stale' }
    const next = nextFollowUpState(
      { status: current.status, progress: current.progress, statusReason: current.status_reason },
      input,
    )
    const added = await addFollowUpUpdate(trx, { ...input, organisationId, authorId: actor.id, next })
    return added ? { ok: true, version: current.version + 1 } : { ok: false, reason: 'stale' }
  })
}

/**
 * Checks what a decision asks to follow up before anything is written: the adopted actions are the item's, every
 * named unit and person the organisation's, and no target date comes before the decision. Errors are keyed by the
 * decision form's fields.
 */
export async function checkDecisionFollowUps(
  db: AppDb,
  organisationId: string,
  followUps: DecisionFollowUps,
  context: { decidedOn: string; actionIds: readonly string[] },
): Promise<FieldErrors> {
  const fieldErrors: FieldErrors = targetDateErrors(followUps, context.decidedOn)
  if (followUps.adopted.some((action) => !context.actionIds.includes(action.proposedActionId))) {
    fieldErrors[decisionFields.adopt] = 'followUps.validation.actionNotOnItem'
  }
  const check = async (responsible: Responsible, unitField: string, personField: string) => {
    const [recipient, team, person] = await isResponsibleOfOrganisation(db, organisationId, responsible)
    if (!recipient || !team) fieldErrors[unitField] = 'validation.invalid'
    if (!person) fieldErrors[personField] = 'validation.invalid'
  }
  for (const action of followUps.adopted) {
    const field = (part: 'responsible' | 'person') => decisionFields.action(action.proposedActionId, part)
    await check(action.responsible, field('responsible'), field('person'))
  }
  for (const [index, task] of followUps.tasks.entries()) {
    await check(task.responsible, decisionFields.task(index, 'responsible'), decisionFields.task(index, 'person'))
  }
  return fieldErrors
}

/**
 * Creates, in the deciding transaction, a follow-up for each adopted action (titled by the action) and each task of
 * the decision's own; every one concerns the item's reports.
 */
export async function createDecisionFollowUps(
  trx: Transaction<Database>,
  decision: {
    organisationId: string
    actorId: string
    agendaItemId: string
    decidedOn: string
    reportIds: readonly string[]
    followUps: DecisionFollowUps
    actions: readonly { id: string; description: string; phenomenonId: string | null }[]
  },
) {
  const common = {
    organisationId: decision.organisationId,
    createdBy: decision.actorId,
    agendaItemId: decision.agendaItemId,
    decidedOn: decision.decidedOn,
    reportIds: decision.reportIds,
  }
  for (const adopted of decision.followUps.adopted) {
    const action = decision.actions.find((candidate) => candidate.id === adopted.proposedActionId)!
    await createFollowUp(trx, {
      ...common,
      title: action.description,
      proposedActionId: action.id,
      phenomenonId: action.phenomenonId,
      responsible: adopted.responsible,
      targetDate: adopted.targetDate,
    })
  }
  for (const task of decision.followUps.tasks) {
    await createFollowUp(trx, {
      ...common,
      title: task.title,
      responsible: task.responsible,
      targetDate: task.targetDate,
    })
  }
}

/**
 * The worker's sweep over follow-ups at `now`: each follow-up that has fallen overdue is told once to the reports it
 * concerns, and each responsible person and coordinator with overdue follow-ups gets a reminder at most once a
 * week. Repeating it is harmless, so every worker may run it.
 */
export async function sweepFollowUps(db: AppDb, now = new Date()) {
  const today = followUpToday(now)
  let noted = 0
  for (const followUp of await listNewlyOverdueFollowUps(db, today)) {
    const marked = await db
      .transaction()
      .execute((trx) =>
        markFollowUpOverdue(trx, { id: followUp.id, organisationId: followUp.organisation_id }, today, now),
      )
    if (marked) noted++
  }
  let reminded = 0
  for (const addressee of await listOverdueReminderAddressees(db, today)) {
    const last = addressee.last_reminded_at === null ? null : new Date(addressee.last_reminded_at)
    if (!isReminderDue(last, now)) continue
    const listed = await listOverdueFollowUpsFor(
      db,
      { userId: addressee.user_id, organisationId: addressee.organisation_id },
      today,
    )
    if (listed.length === 0) continue
    await db.transaction().execute(async (trx) => {
      await enqueueEmail(trx, {
        kind: 'follow_up_reminder',
        payload: { organisationId: addressee.organisation_id, day: today },
        recipientId: addressee.user_id,
        organisationId: addressee.organisation_id,
        idempotencyKey: `follow_up_reminder/${addressee.user_id}/${addressee.organisation_id}/${today}`,
        runAt: now,
      })
      await markFollowUpsReminded(
        trx,
        listed.map((followUp) => followUp.id),
        now,
      )
    })
    reminded++
  }
  return { noted, reminded }
}

/** The overdue follow-ups a reminder email lists, read when it is sent. */
export async function listReminderFollowUps(
  db: AppDb,
  addressee: { userId: string; organisationId: string },
  now = new Date(),
) {
  const today = followUpToday(now)
  const rows = await listOverdueFollowUpsFor(db, addressee, today)
  return rows.map((row) => presentFollowUp(row, today))
}

export interface AnswerFollowUpRequest {
  sendingId: string
  title: string
  targetDate: string
  /** The person who answers for it, if the body named one; the body itself always does. */
  personId: string | null
}

/**
 * Records what a recipient's answer promises as a follow-up, as a decision's task is: the body that answered is
 * responsible, the day of the answer is its decision day (the target may not be earlier), and the reports the
 * sending concerns hear of it and of every update. A coordinator or a member of that body may, once it is answered.
 */
export async function followUpAnswer(
  actor: CurrentUser,
  input: AnswerFollowUpRequest,
): Promise<ServiceResult<{ followUpId: string }>> {
  const db = getDb()
  const organisationId = actor.organisation.id
  const sending = await getSending(db, organisationId, input.sendingId)
  if (!sending) return { ok: false, reason: 'not_found' }
  const standing = {
    coordinator: actor.roles.includes('coordinator'),
    isMember: await isRecipientMember(db, sending.recipient_id, actor.id),
  }
  if (!standing.coordinator && !standing.isMember) return { ok: false, reason: 'not_found' }
  if (!mayFollowUpAnswer(standing, sending) || sending.answered_at === null) return { ok: false, reason: 'forbidden' }
  const answeredOn = helsinkiDay(sending.answered_at)
  if (isTargetBeforeDecision(input.targetDate, answeredOn)) {
    return { ok: false, reason: 'invalid', fieldErrors: { targetDate: 'sending.validation.targetBeforeAnswer' } }
  }
  const responsible: Responsible = { recipientId: sending.recipient_id, teamId: null, userId: input.personId }
  const [, , personKnown] = await isResponsibleOfOrganisation(db, organisationId, responsible)
  if (!personKnown) return { ok: false, reason: 'invalid', fieldErrors: { personId: 'validation.invalid' } }
  const findings = await scanTextsOfOrganisation(db, organisationId, { title: input.title })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const followUpId = await db.transaction().execute(async (trx) =>
    createFollowUp(trx, {
      organisationId,
      title: input.title,
      responsible,
      decidedOn: answeredOn,
      targetDate: input.targetDate,
      createdBy: actor.id,
      sendingId: sending.id,
      phenomenonId: sending.phenomenon_id,
      reportIds: await concernedReportIds(trx, sending),
    }),
  )
  return { ok: true, followUpId }
}

/** The follow-ups already started from a sending's answer, for its page. */
export function listAnswerFollowUps(actor: Pick<CurrentUser, 'organisation'>, sendingId: string) {
  return listSendingFollowUps(getDb(), actor.organisation.id, sendingId)
}
