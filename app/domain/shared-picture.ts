import { z } from 'zod'
import { publishCount } from './disclosure-control.ts'
import { EditVersionSchema } from './edit-version.ts'
import { phenomenonReaders } from './phenomena.ts'
import { readCount } from './report-form.ts'
import { type PublicCount } from './statistics.ts'
import { hasAnyRole, phenomenaPageRoles, type Role } from './roles.ts'

/** Everyone who may open the phenomena pages: the readers' full view, and workers' own view (workerSeesPhenomena). */
export const sharedPictureRoles = phenomenaPageRoles

/**
 * A worker who holds none of the readers' roles sees the worker's view: counts suppressed as outside the team,
 * only the reports they may open, and no other worker's name.
 */
export function hasWorkerView(roles: readonly Role[]): boolean {
  return !hasAnyRole(roles, phenomenonReaders)
}

/** Those who write reports say "Havaitsen saman" (I see this too): workers and team leads. */
export const observerRoles = ['worker', 'team_lead'] as const satisfies readonly Role[]

export function canObservePhenomenon(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, observerRoles)
}

/** Coordinators and team leads keep a phenomenon's description up to date. */
export function canEditPhenomenonDescription(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, ['coordinator', 'team_lead'])
}

export const observationSentenceMax = 300

/** One sentence: no full stop, question or exclamation mark followed by more text. */
function isOneSentence(text: string): boolean {
  return !/[.!?]\s+\S/.test(text)
}

/** "Havaitsen saman" as the API takes it: the municipality, a rough number of clients and one sentence. */
export const ObservationSchema = z.object({
  municipalityId: z.uuid({ error: 'validation.invalid' }).nullable().default(null),
  clientEstimate: z
    .number({ error: 'report.validation.clientCount' })
    .int('report.validation.clientCount')
    .min(0, 'report.validation.clientCount')
    .max(999_999, 'report.validation.clientCount')
    .nullable()
    .default(null),
  sentence: z
    .string({ error: 'sharedPicture.validation.sentenceRequired' })
    .trim()
    .min(1, 'sharedPicture.validation.sentenceRequired')
    .max(observationSentenceMax, 'validation.tooLong')
    .refine(isOneSentence, 'sharedPicture.validation.oneSentence'),
})

export type ObservationInput = z.output<typeof ObservationSchema>

/**
 * The form's fields read into the same values: an empty field is "not given", and the rough number is read as the
 * report form reads its count ("noin 15" is 15); anything else is kept as typed, so it fails with its message.
 */
export const ObservationFormSchema = z.preprocess((fields) => {
  if (typeof fields !== 'object' || fields === null) return fields
  const form = fields as Record<string, unknown>
  const orNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : (value ?? null))
  const estimate = orNull(form.clientEstimate)
  return {
    ...form,
    municipalityId: orNull(form.municipalityId),
    clientEstimate: typeof estimate === 'string' ? readCount(estimate) : estimate,
  }
}, ObservationSchema)

export const PhenomenonDescriptionSchema = z.object({
  description: z.string().trim().max(10_000, 'validation.tooLong').default(''),
  version: EditVersionSchema,
})

/** A phenomenon's evidence as counted (phenomenon.server.ts): reports behind it and the workers who see it too. */
export interface PhenomenonEvidence {
  report_count: number
  team_count: number
  municipality_count: number
  observation_count: number
  /** The sum of its reports' statistics keys: the cell key the disclosure control perturbs with. */
  cell_key: number
}

/** What a count shows outside the team: null when it is below the threshold (disclosure-control.ts). */
export type ShownCount = Exclude<PublicCount, 'withheld'>

export interface ShownEvidence {
  report_count: ShownCount
  team_count: ShownCount
  municipality_count: ShownCount
  observation_count: number
}

/** The evidence as team leads, coordinators, committee members and admins see it: as counted. */
export function readerEvidence(evidence: PhenomenonEvidence): ShownEvidence {
  return {
    report_count: evidence.report_count,
    team_count: evidence.team_count,
    municipality_count: evidence.municipality_count,
    observation_count: evidence.observation_count,
  }
}

/**
 * The evidence as a worker sees it: counts of reports, teams and municipalities are perturbed and withheld below
 * the threshold like every aggregate shown outside the team. The number of colleagues who said "I see this too"
 * counts workers, not clients, and names nobody, so it is shown as it is.
 */
export function workerEvidence(evidence: PhenomenonEvidence, threshold: number): ShownEvidence {
  // publishCount withholds only below the threshold, never as 'withheld'.
  const publish = (count: number) => publishCount(count, evidence.cell_key, threshold) as ShownCount
  return {
    report_count: publish(evidence.report_count),
    team_count: publish(evidence.team_count),
    municipality_count: publish(evidence.municipality_count),
    observation_count: evidence.observation_count,
  }
}
