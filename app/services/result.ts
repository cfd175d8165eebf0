import { type FieldFinding } from '#app/domain/identifiability.ts'
import { type ReportStatus } from '#app/domain/report-status.ts'
import { type FieldErrors } from '#app/utils/forms.ts'

/** A refusal: `ok: false`, the reason as a word, and whatever the caller needs to show it. */
export type Refused<Reason extends string, Details extends object = object> = { ok: false; reason: Reason } & Details

/**
 * The reasons every service says in the same words; a service adds its own (e.g. `incomplete`) as further
 * `Refused<…>` members. Each surface turns reasons into its answer in one place (page form result, problem+json).
 * - `not_found`: the thing does not exist for this user (other organisations' ids included);
 * - `forbidden`: it exists, but this user may not do this;
 * - `stale`: someone else changed it since the user saw it; the current status when there is one;
 * - `invalid`: the input does not fit, per field;
 * - `identifying_data`: the guard found client-identifying data, quoted per field.
 */
export type CommonRefusal =
  | Refused<'not_found'>
  | Refused<'forbidden'>
  | Refused<'stale', { currentStatus?: ReportStatus }>
  | Refused<'invalid', { fieldErrors: FieldErrors }>
  | Refused<'identifying_data', { findings: FieldFinding[] }>

/** The one result shape of every service: success with its payload, or a refusal saying why. */
export type ServiceResult<Payload extends object = object, Refusal extends Refused<string> = CommonRefusal> =
  ({ ok: true } & Payload) | Refusal
