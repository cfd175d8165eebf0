import { z } from 'zod'
import { IsoMonthSchema } from './dates.ts'
import { actionLevels, ageBands, clientGroups, genders, sectors, supportNeeds, trends } from './report-fields.ts'
import { maxCoAuthors, teamMeetingKinds } from './team-reports.ts'

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong').default('')
const codes = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.array(z.enum(values, { error: 'validation.invalid' })).default([])

const ActionSchema = z.object({
  description: text(2000),
  level: z.enum(actionLevels, { error: 'validation.invalid' }),
})

/**
 * A report's content as typed values: what the API takes as JSON, and what the form's fields become.
 * A draft may hold anything, as long as it has a title the worker can find it by.
 */
export const ReportContentSchema = z.object({
  title: z
    .string({ error: 'report.validation.titleRequired' })
    .trim()
    .min(1, 'report.validation.titleRequired')
    .max(200, 'validation.tooLong'),
  description: text(10_000),
  observedSince: IsoMonthSchema.nullable().default(null),
  supportNeeds: codes(supportNeeds),
  clientGroups: codes(clientGroups),
  ageBands: codes(ageBands),
  genders: codes(genders),
  clientCount: z
    .number({ error: 'report.validation.clientCount' })
    .int('report.validation.clientCount')
    .min(0, 'report.validation.clientCount')
    .max(999_999, 'report.validation.clientCount')
    .nullable()
    .default(null),
  trend: z.enum(trends, { error: 'validation.invalid' }).nullable().default(null),
  municipalityId: z.uuid({ error: 'validation.invalid' }).nullable().default(null),
  sectors: codes(sectors),
  causes: text(5000),
  consequences: text(5000),
  actions: z.array(ActionSchema).max(20, 'validation.tooLong').default([]),
  clientsParticipated: z.boolean({ error: 'validation.invalid' }).default(false),
  positive: z.boolean({ error: 'validation.invalid' }).default(false),
  noIdentifyingDataConfirmed: z.boolean({ error: 'validation.invalid' }).default(false),
  /** The team meeting the report was prepared in together, if it was. */
  preparedIn: z.enum(teamMeetingKinds, { error: 'validation.invalid' }).nullable().default(null),
  /**
   * Team members who prepared the report with its author; left out, they stay as they are. Anyone who does not share
   * a team with the author is dropped when stored.
   */
  coAuthorIds: z
    .array(z.uuid({ error: 'validation.invalid' }))
    .max(maxCoAuthors, 'validation.tooLong')
    .optional(),
})

export type ReportContent = z.output<typeof ReportContentSchema>

/** Submitting needs the parts a team lead cannot review without, and the worker's confirmation. */
function requireSubmittable(report: ReportContent, ctx: z.RefinementCtx) {
  const require = (condition: boolean, path: string, message: string) => {
    if (!condition) ctx.addIssue({ code: 'custom', path: [path], message })
  }
  require(report.description.length >= 20, 'description', 'report.validation.descriptionRequired')
  require(report.supportNeeds.length > 0, 'supportNeeds', 'report.validation.supportNeedsRequired')
  require(report.clientGroups.length > 0, 'clientGroups', 'report.validation.clientGroupsRequired')
  require(report.actions.some((action) => action.description.length > 0), 'actions', 'report.validation.actionRequired')
  require(report.noIdentifyingDataConfirmed, 'noIdentifyingDataConfirmed', 'report.validation.confirmRequired')
}

export const SubmittableContentSchema = ReportContentSchema.superRefine(requireSubmittable)

/** Every free-text field of a report, the ones the identifiability guard reads. */
export function reportTexts(content: ReportContent) {
  return {
    title: content.title,
    description: content.description,
    causes: content.causes,
    consequences: content.consequences,
    actions: content.actions.map((action) => action.description),
  }
}

export const reportArrayFields = [
  'supportNeeds',
  'clientGroups',
  'ageBands',
  'genders',
  'sectors',
  'coAuthorIds',
] as const

/**
 * The count's help text invites a rough estimate, so a word or sign for "about" before the number and spaces
 * between its digits ("noin 15", "ca 1 200", "~15") are read as the number; anything else is kept, so it fails.
 */
const approximately = /^(?:noin|n\.|ca\.?|cirka|circa|about|approx\.?|approximately|around|~|≈)\s*/i

export function readCount(typed: string): number | string {
  const digits = typed
    .trim()
    .replace(approximately, '')
    .replace(/[\s\u00a0\u202f]/g, '')
  return /^\d+$/.test(digits) ? Number(digits) : typed
}

/** An empty field means "not given"; a number field keeps what was typed when it is not a number, so it fails. */
function formFieldsToContent(fields: unknown): unknown {
  if (typeof fields !== 'object' || fields === null) return fields
  const form = fields as Record<string, unknown>
  const orNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : (value ?? null))
  const count = orNull(form.clientCount)
  return {
    ...form,
    observedSince: orNull(form.observedSince),
    clientCount: typeof count === 'string' ? readCount(count) : count,
    trend: orNull(form.trend),
    municipalityId: orNull(form.municipalityId),
    preparedIn: orNull(form.preparedIn),
    clientsParticipated: form.clientsParticipated === 'on',
    positive: form.positive === 'on',
    noIdentifyingDataConfirmed: form.noIdentifyingDataConfirmed === 'on',
  }
}

/** The report form's fields, read into the same content the API takes. */
export const DraftReportSchema = z.preprocess(formFieldsToContent, ReportContentSchema)
export const SubmittedReportSchema = z.preprocess(formFieldsToContent, SubmittableContentSchema)

/** Why a background save of the form did not happen; the form says it in words beside the autosave status. */
export type AutosaveProblem = 'invalid' | 'stale' | 'identifying_data' | 'network'

/** Proposed actions arrive as two parallel lists of fields; empty rows are dropped. */
export function actionsFromForm(formData: FormData): { description: string; level: string }[] {
  const descriptions = formData.getAll('actionDescription').map(String)
  const levels = formData.getAll('actionLevel').map(String)
  return descriptions
    .map((description, index) => ({ description: description.trim(), level: levels[index] ?? 'team' }))
    .filter((action) => action.description.length > 0)
}
