import { z } from 'zod'
import { actionLevels, ageBands, clientGroups, genders, sectors, supportNeeds, trends } from './report-fields.ts'

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong').default('')
const checked = z
  .string()
  .nullish()
  .transform((value) => value === 'on')

const ActionSchema = z.object({
  description: text(2000),
  level: z.enum(actionLevels, { error: 'validation.invalid' }),
})

/** What a draft may hold: anything, as long as it has a title the worker can find it by. */
export const DraftReportSchema = z.object({
  title: z
    .string({ error: 'report.validation.titleRequired' })
    .trim()
    .min(1, 'report.validation.titleRequired')
    .max(200, 'validation.tooLong'),
  description: text(10_000),
  observedSince: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2})?$/, 'report.validation.month')
    .default('')
    .transform((value) => (value ? `${value}-01` : null)),
  supportNeeds: z.array(z.enum(supportNeeds, { error: 'validation.invalid' })),
  clientGroups: z.array(z.enum(clientGroups, { error: 'validation.invalid' })),
  ageBands: z.array(z.enum(ageBands, { error: 'validation.invalid' })),
  genders: z.array(z.enum(genders, { error: 'validation.invalid' })),
  clientCount: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, 'report.validation.clientCount')
    .default('')
    .transform((value) => (value ? Number(value) : null)),
  trend: z
    .union([z.enum(trends), z.literal('')], { error: 'validation.invalid' })
    .default('')
    .transform((value) => (value === '' ? null : value)),
  municipalityId: z
    .union([z.uuid(), z.literal('')], { error: 'validation.invalid' })
    .default('')
    .transform((value) => value || null),
  sectors: z.array(z.enum(sectors, { error: 'validation.invalid' })),
  causes: text(5000),
  consequences: text(5000),
  actions: z.array(ActionSchema).max(20, 'validation.tooLong'),
  clientsParticipated: checked,
  positive: checked,
  noIdentifyingDataConfirmed: checked,
})

export type ReportInput = z.infer<typeof DraftReportSchema>

/** Submitting needs the parts a team lead cannot review without, and the worker's confirmation. */
export const SubmittedReportSchema = DraftReportSchema.superRefine((report, ctx) => {
  const require = (condition: boolean, path: string, message: string) => {
    if (!condition) ctx.addIssue({ code: 'custom', path: [path], message })
  }
  require(report.description.length >= 20, 'description', 'report.validation.descriptionRequired')
  require(report.supportNeeds.length > 0, 'supportNeeds', 'report.validation.supportNeedsRequired')
  require(report.clientGroups.length > 0, 'clientGroups', 'report.validation.clientGroupsRequired')
  require(report.actions.some((action) => action.description.length > 0), 'actions', 'report.validation.actionRequired')
  require(report.noIdentifyingDataConfirmed, 'noIdentifyingDataConfirmed', 'report.validation.confirmRequired')
})

export const reportArrayFields = ['supportNeeds', 'clientGroups', 'ageBands', 'genders', 'sectors'] as const

/** Proposed actions arrive as two parallel lists of fields; empty rows are dropped. */
export function actionsFromForm(formData: FormData): { description: string; level: string }[] {
  const descriptions = formData.getAll('actionDescription').map(String)
  const levels = formData.getAll('actionLevel').map(String)
  return descriptions
    .map((description, index) => ({ description: description.trim(), level: levels[index] ?? 'team' }))
    .filter((action) => action.description.length > 0)
}
