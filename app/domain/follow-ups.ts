import { z } from 'zod'
import { type FieldErrors } from '#app/utils/forms.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { IsoDateSchema } from './dates.ts'
import { helsinkiDay } from './digest.ts'
import { type Actor, type ReportStatus } from './report-status.ts'
import { type Role } from './roles.ts'

/**
 * What a decision set in motion, tracked until something changes: not started, in progress, done, or not carried
 * out (with a reason). Done and not carried out are final states, but a later update may still reopen them.
 */
export const followUpStatuses = ['not_started', 'in_progress', 'done', 'not_carried_out'] as const
export type FollowUpStatus = (typeof followUpStatuses)[number]

export function isClosed(status: FollowUpStatus): boolean {
  return status === 'done' || status === 'not_carried_out'
}

/** The statuses a follow-up may still fall overdue in. */
export const openFollowUpStatuses = followUpStatuses.filter((status) => !isClosed(status))

/**
 * A follow-up past its target date and not closed is overdue. `today` is the Helsinki calendar day `yyyy-mm-dd`;
 * the target day itself is still in time.
 */
export function isOverdue(followUp: { status: FollowUpStatus; targetDate: string }, today: string): boolean {
  return !isClosed(followUp.status) && followUp.targetDate < today
}

/** The Finnish calendar day at `now`, the day overdue is measured against wherever the server runs. */
export function followUpToday(now: Date = new Date()): string {
  return helsinkiDay(now)
}

/** The weekly reminder to the responsible person and the coordinators. */
export const overdueReminderIntervalMs = 7 * 24 * 60 * 60 * 1000

/** Whether someone last reminded at `lastRemindedAt` may be reminded again at `now`: at most once a week. */
export function isReminderDue(lastRemindedAt: Date | null, now: Date): boolean {
  return lastRemindedAt === null || now.getTime() - lastRemindedAt.getTime() >= overdueReminderIntervalMs
}

/** A target date may not come before the decision that set it; the decision day itself is allowed. */
export function isTargetBeforeDecision(targetDate: string, decidedOn: string): boolean {
  return targetDate < decidedOn
}

/** How a user stands to one follow-up: what, besides their roles, decides whether they may post updates. */
export interface FollowUpStanding {
  /** The follow-up names this user as its responsible person. */
  isResponsiblePerson: boolean
  /** The user is a member of the responsible recipient body (its committee's members for a committee). */
  isResponsibleMember: boolean
  /** The user belongs to the responsible team (counts only for team leads). */
  inResponsibleTeam: boolean
}

/**
 * The responsible person, the coordinators, the members of the responsible body and the leads of the responsible
 * team post updates; everyone else who may read the follow-up only reads it.
 */
export function canUpdateFollowUp(roles: readonly Role[], standing: FollowUpStanding): boolean {
  return (
    roles.includes('coordinator') ||
    standing.isResponsiblePerson ||
    standing.isResponsibleMember ||
    (roles.includes('team_lead') && standing.inResponsibleTeam)
  )
}

/**
 * Which follow-ups the board lists: coordinators every follow-up of the organisation; everyone else those they
 * answer for (as the responsible person, a member of the responsible body, or a lead of the responsible team or
 * of the team of a report it concerns).
 */
export type FollowUpBoardScope = 'organisation' | 'own'

export function followUpBoardScope(roles: readonly Role[]): FollowUpBoardScope {
  return roles.includes('coordinator') ? 'organisation' : 'own'
}

export { followUpBoardRoles, offersFollowUpBoard } from './roles.ts'

/** Who answers for a follow-up: a recipient body or a team (or neither, left to the coordinator), and a person. */
export interface Responsible {
  recipientId: string | null
  teamId: string | null
  userId: string | null
}

export const noResponsible: Responsible = { recipientId: null, teamId: null, userId: null }

/** A form's choice of responsible unit: `recipient:<id>`, `team:<id>`, or empty when the coordinator decides later. */
export function responsibleUnitValue(unit: { kind: 'recipient' | 'team'; id: string }): string {
  return `${unit.kind}:${unit.id}`
}

const uuid = z.uuid()

/** The unit part of `Responsible` from a form's value; null when the value names no unit the form could offer. */
export function parseResponsibleUnit(value: string): Pick<Responsible, 'recipientId' | 'teamId'> | null {
  if (value === '') return { recipientId: null, teamId: null }
  const [kind, id = ''] = value.split(':', 2)
  if (!uuid.safeParse(id).success) return null
  if (kind === 'recipient') return { recipientId: id, teamId: null }
  if (kind === 'team') return { recipientId: null, teamId: id }
  return null
}

const titleMaxLength = 500

const TargetDateSchema = z
  .string({ error: 'followUps.validation.targetDateRequired' })
  .trim()
  .min(1, 'followUps.validation.targetDateRequired')
  .pipe(IsoDateSchema)

const TaskTitleSchema = z
  .string({ error: 'followUps.validation.titleRequired' })
  .trim()
  .min(1, 'followUps.validation.titleRequired')
  .max(titleMaxLength, 'validation.tooLong')

/** A follow-up the decision form asks for: an adopted action (by id) or a task of the decision's own (by title). */
export interface PlannedFollowUp {
  responsible: Responsible
  targetDate: string
}
export interface AdoptedAction extends PlannedFollowUp {
  proposedActionId: string
}
export interface DecisionTask extends PlannedFollowUp {
  title: string
}
export interface DecisionFollowUps {
  adopted: AdoptedAction[]
  tasks: DecisionTask[]
}

export const noDecisionFollowUps: DecisionFollowUps = { adopted: [], tasks: [] }

/** The decision form offers this many rows for tasks of the decision's own; empty rows are ignored. */
export const decisionTaskRows = 3

/** The names of the decision form's follow-up fields, so the form, its reader and its errors agree. */
export const decisionFields = {
  adopt: 'adopt',
  action: (proposedActionId: string, part: 'responsible' | 'person' | 'targetDate') =>
    `action.${proposedActionId}.${part}`,
  task: (index: number, part: 'title' | 'responsible' | 'person' | 'targetDate') => `task.${index}.${part}`,
}

type Read = (name: string) => string

function readResponsible(read: Read, unitField: string, personField: string, fieldErrors: FieldErrors): Responsible {
  const unit = parseResponsibleUnit(read(unitField).trim())
  if (!unit) fieldErrors[unitField] = 'validation.invalid'
  const person = read(personField).trim()
  if (person !== '' && !uuid.safeParse(person).success) fieldErrors[personField] = 'validation.invalid'
  return { recipientId: unit?.recipientId ?? null, teamId: unit?.teamId ?? null, userId: person || null }
}

function readTargetDate(read: Read, field: string, fieldErrors: FieldErrors): string {
  const parsed = TargetDateSchema.safeParse(read(field))
  if (parsed.success) return parsed.data
  fieldErrors[field] = (parsed.error.issues[0]?.message ?? 'validation.date') as MessageKey
  return ''
}

/**
 * The follow-ups a decision sets, read from the decision form: each adopted action with its responsible unit,
 * person and target date, and each task row that holds anything (a row with only some of its fields is an error
 * on the missing ones). Errors are keyed by the form's own field names.
 */
export function readDecisionFollowUps(
  read: Read,
  adoptedIds: readonly string[],
): { ok: true; data: DecisionFollowUps } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {}
  const adopted: AdoptedAction[] = []
  for (const proposedActionId of new Set(adoptedIds)) {
    if (!uuid.safeParse(proposedActionId).success) {
      fieldErrors[decisionFields.adopt] = 'validation.invalid'
      continue
    }
    const field = (part: 'responsible' | 'person' | 'targetDate') => decisionFields.action(proposedActionId, part)
    const responsible = readResponsible(read, field('responsible'), field('person'), fieldErrors)
    const targetDate = readTargetDate(read, field('targetDate'), fieldErrors)
    adopted.push({ proposedActionId, responsible, targetDate })
  }
  const tasks: DecisionTask[] = []
  for (let index = 0; index < decisionTaskRows; index++) {
    const field = (part: 'title' | 'responsible' | 'person' | 'targetDate') => decisionFields.task(index, part)
    const typed = (['title', 'responsible', 'person', 'targetDate'] as const).some((part) => read(field(part)).trim())
    if (!typed) continue
    const title = TaskTitleSchema.safeParse(read(field('title')))
    if (!title.success) fieldErrors[field('title')] = title.error.issues[0]!.message as MessageKey
    const responsible = readResponsible(read, field('responsible'), field('person'), fieldErrors)
    const targetDate = readTargetDate(read, field('targetDate'), fieldErrors)
    tasks.push({ title: title.data ?? '', responsible, targetDate })
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors }
  return { ok: true, data: { adopted, tasks } }
}

/** The field each planned follow-up's target date was typed in, for the errors of a decision refused later. */
export function targetDateErrors(followUps: DecisionFollowUps, decidedOn: string): FieldErrors {
  const fieldErrors: FieldErrors = {}
  for (const action of followUps.adopted) {
    if (isTargetBeforeDecision(action.targetDate, decidedOn)) {
      fieldErrors[decisionFields.action(action.proposedActionId, 'targetDate')] =
        'followUps.validation.targetBeforeDecision'
    }
  }
  followUps.tasks.forEach((task, index) => {
    if (isTargetBeforeDecision(task.targetDate, decidedOn)) {
      fieldErrors[decisionFields.task(index, 'targetDate')] = 'followUps.validation.targetBeforeDecision'
    }
  })
  return fieldErrors
}

/** Whether the form asked for any follow-up at all. */
export function hasFollowUps(followUps: DecisionFollowUps): boolean {
  return followUps.adopted.length > 0 || followUps.tasks.length > 0
}

const statusChoice = z
  .union([z.enum(followUpStatuses, { error: 'validation.invalid' }), z.literal('')], { error: 'validation.invalid' })
  .optional()
  .transform((value) => value || null)

const progressChoice = z.preprocess(
  (value) => (value === '' || value === undefined ? null : value),
  z.coerce
    .number({ error: 'followUps.validation.progress' })
    .int('followUps.validation.progress')
    .min(0, 'followUps.validation.progress')
    .max(100, 'followUps.validation.progress')
    .nullable(),
)

const updateBody = z.string({ error: 'followUps.validation.bodyRequired' }).trim().max(5000, 'validation.tooLong')

/** A reason is what a follow-up not carried out needs; the update's text is that reason. */
function requireText(update: { body: string; status: FollowUpStatus | null }, ctx: z.RefinementCtx) {
  if (update.body !== '') return
  const message =
    update.status === 'not_carried_out' ? 'followUps.validation.reasonRequired' : 'followUps.validation.bodyRequired'
  ctx.addIssue({ code: 'custom', path: ['body'], message })
}

/**
 * A dated update as the page's form sends it: what happened (required; when the follow-up is not carried out,
 * why), optionally a new status and a progress percentage, and the version the form was made from.
 */
export const FollowUpUpdateSchema = z
  .object({
    version: z.coerce.number({ error: 'validation.invalid' }).int('validation.invalid').min(1, 'validation.invalid'),
    body: updateBody.default(''),
    status: statusChoice,
    progress: progressChoice,
  })
  .superRefine(requireText)
export type FollowUpUpdateInput = z.output<typeof FollowUpUpdateSchema>

/** The same update from the API: JSON types, and the version the client last read as `expectedVersion`. */
export const ApiFollowUpUpdateSchema = z
  .object({
    expectedVersion: z
      .number({ error: 'validation.invalid' })
      .int('validation.invalid')
      .min(1, 'validation.invalid')
      .describe('The `version` of the follow-up the client last read; 409 if it has changed since.'),
    body: updateBody.describe('What happened; when `status` is not_carried_out, the reason.'),
    status: z.enum(followUpStatuses).nullable().optional().describe('A new status; omitted or null keeps it.'),
    progress: z
      .number()
      .int()
      .min(0, 'followUps.validation.progress')
      .max(100, 'followUps.validation.progress')
      .nullable()
      .optional()
      .describe('Progress in percent; omitted or null keeps it.'),
  })
  .strict()
  .superRefine((update, ctx) => requireText({ body: update.body, status: update.status ?? null }, ctx))

export interface FollowUpState {
  status: FollowUpStatus
  progress: number | null
  statusReason: string | null
}

/**
 * The follow-up after an update: a status left out stays; a follow-up not carried out keeps the update's text as
 * its reason, and leaving that status drops it; done without a percentage counts as complete.
 */
export function nextFollowUpState(
  current: FollowUpState,
  update: { body: string; status: FollowUpStatus | null; progress: number | null },
): FollowUpState {
  const status = update.status ?? current.status
  const progress = update.progress ?? (update.status === 'done' ? 100 : current.progress)
  const statusReason =
    status !== 'not_carried_out' ? null : update.status === 'not_carried_out' ? update.body : current.statusReason
  return { status, progress, statusReason }
}

/**
 * A team lead closing a report of their own team in review may record an action the team takes itself; the team
 * answers for its follow-up.
 */
export function canSetClosingFollowUp(actor: Actor, report: { status: ReportStatus; teamId: string | null }): boolean {
  return (
    actor.roles.includes('team_lead') &&
    actor.leadsReportTeam &&
    report.teamId !== null &&
    report.status === 'in_review'
  )
}

/** A follow-up set when a team lead closes a report with an action taken in the team itself. */
export const ClosingFollowUpSchema = z.object({
  followUpTitle: z.string({ error: 'validation.invalid' }).trim().max(titleMaxLength, 'validation.tooLong').default(''),
  followUpTargetDate: z.string({ error: 'validation.invalid' }).trim().default(''),
})

/** The closing form's follow-up, if the lead asked for one: both fields or neither. */
export function readClosingFollowUp(
  input: z.output<typeof ClosingFollowUpSchema>,
): { ok: true; data: { title: string; targetDate: string } | null } | { ok: false; fieldErrors: FieldErrors } {
  if (input.followUpTitle === '' && input.followUpTargetDate === '') return { ok: true, data: null }
  const fieldErrors: FieldErrors = {}
  if (input.followUpTitle === '') fieldErrors.followUpTitle = 'followUps.validation.titleRequired'
  const read: Read = () => input.followUpTargetDate
  const targetDate = readTargetDate(read, 'followUpTargetDate', fieldErrors)
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors }
  return { ok: true, data: { title: input.followUpTitle, targetDate } }
}

/** A filter from a query string: a missing, empty or malformed value means no filter, never an error page. */
const lenient = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal('')])
    .optional()
    .catch(undefined)
    .transform((value) => value || null)

/** The board's filters, as its query string carries them (`overdue=true` for overdue only). */
export const FollowUpFiltersSchema = z.object({
  responsibleUserId: lenient(z.uuid()),
  status: lenient(z.enum(followUpStatuses)),
  overdue: lenient(z.enum(['true'])),
  recipientId: lenient(z.uuid()),
  municipalityId: lenient(z.uuid()),
  from: lenient(IsoDateSchema),
  to: lenient(IsoDateSchema),
  page: z.coerce.number().int().min(1).catch(1).default(1),
})
