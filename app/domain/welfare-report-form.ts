import { z } from 'zod'
import { type FieldErrors, fieldErrorsFrom } from '#app/utils/forms.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { IsoDateSchema } from './dates.ts'
import { type FieldFinding } from './identifiability.ts'
import { supportNeeds } from './report-fields.ts'
import { type ReportStatus } from './report-status.ts'
import { hasAnyRole, type Role } from './roles.ts'
import { type StatisticsFilter, StatisticsFilterSchema } from './statistics.ts'
import { welfareSectionKinds } from './welfare-report.ts'

/** Coordinators build the welfare report; everyone in the organisation may read it. */
export const welfareReportEditorRoles = ['coordinator'] as const satisfies readonly Role[]

export function canEditWelfareReports(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, welfareReportEditorRoles)
}

export { dashboardReaderRoles } from './roles.ts'

/**
 * A report can be taken into the welfare report once a committee has decided on it; one already there may be
 * used again in another section. Anything earlier has not been through a committee yet.
 */
export const includableStatuses = ['decided', 'in_welfare_report'] as const satisfies readonly ReportStatus[]

export function isIncludable(status: ReportStatus): boolean {
  return (includableStatuses as readonly ReportStatus[]).includes(status)
}

export const welfareMarkdownMaxLength = 50_000

const title = z
  .string({ error: 'welfare.validation.titleRequired' })
  .trim()
  .min(1, 'welfare.validation.titleRequired')
  .max(200, 'validation.tooLong')
const markdown = z.string().max(welfareMarkdownMaxLength, 'validation.tooLong').default('')

const bothDates = (period: { periodStart: string; periodEnd: string }) =>
  IsoDateSchema.safeParse(period.periodStart).success && IsoDateSchema.safeParse(period.periodEnd).success

/** Title and period of a welfare report; the period is inclusive at both ends. */
export const WelfareReportFormSchema = z
  .object({ title, periodStart: IsoDateSchema, periodEnd: IsoDateSchema, introduction: markdown })
  // Compared only when both are dates; a malformed one already has its own message.
  .refine((report) => !bothDates(report) || report.periodEnd >= report.periodStart, {
    path: ['periodEnd'],
    message: 'validation.periodOrder',
  })

export type WelfareReportInput = z.output<typeof WelfareReportFormSchema>

/**
 * A section's content: a theme, optionally limited to one § 11 category, and Markdown written by the coordinator;
 * its kind is chosen when it is added and stays.
 */
export const WelfareSectionFormSchema = z.object({
  kind: z.enum(welfareSectionKinds, { error: 'validation.invalid' }).optional(),
  title,
  category: z
    .union([z.enum(supportNeeds), z.literal('')], { error: 'validation.invalid' })
    .optional()
    .transform((category) => category || null),
  body: markdown,
})

export type WelfareSectionInput = z.output<typeof WelfareSectionFormSchema>

/** The current calendar year in Finnish time, the dashboard's default period. */
export function currentYearPeriod(now: Date): { from: string; to: string } {
  const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Helsinki' }).format(now)
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}

export type DashboardFilterResult =
  | { ok: true; filter: StatisticsFilter; values: Record<string, string> }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> }

/**
 * The dashboard's query string as a statistics filter. Missing dates mean the current year, empty choices mean
 * "all"; anything malformed is reported per field with what was typed, never silently replaced.
 */
export function parseDashboardFilter(searchParams: URLSearchParams, now: Date): DashboardFilterResult {
  const defaults = currentYearPeriod(now)
  const typed = (name: string) => searchParams.get(name)?.trim() ?? ''
  const values = {
    from: searchParams.has('from') ? typed('from') : defaults.from,
    to: searchParams.has('to') ? typed('to') : defaults.to,
    category: typed('category'),
    municipalityId: typed('municipalityId'),
  }
  const parsed = StatisticsFilterSchema.safeParse({
    from: values.from,
    to: values.to,
    category: values.category || null,
    municipalityId: values.municipalityId || null,
  })
  if (parsed.success) return { ok: true, filter: parsed.data, values }
  const fieldErrors = fieldErrorsFrom(parsed.error.issues)
  // "The end is before the start" means nothing while the start is not a date at all.
  if (fieldErrors.from && fieldErrors.to === 'validation.periodOrder') delete fieldErrors.to
  return { ok: false, fieldErrors, values }
}

/** Each field that holds identifying text is marked; the findings themselves name the fragment and its kind. */
export function guardFieldErrors(findings: readonly FieldFinding[]): FieldErrors {
  return Object.fromEntries(findings.map((finding) => [finding.field, 'welfare.guard.field' as MessageKey]))
}
