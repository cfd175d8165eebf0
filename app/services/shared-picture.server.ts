import {
  canEditPhenomenonDescription,
  canObservePhenomenon,
  type ObservationInput,
} from '#app/domain/shared-picture.ts'
import { follow } from '#app/models/follow.server.ts'
import { listMunicipalities } from '#app/models/organisation.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { createObservation, findPhenomenonVersion, updatePhenomenonDescription } from '#app/models/phenomenon.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type CommonRefusal, type ServiceResult } from './result.ts'

const notFound = { ok: false, reason: 'not_found' } as const
const forbidden = { ok: false, reason: 'forbidden' } as const

/**
 * "Havaitsen saman": a worker's short supporting observation of a phenomenon. The sentence passes the same guard as
 * report texts (it is kept in the form when refused); the observation and the worker's following of the phenomenon
 * are written together, so from then on the worker hears of its reports' steps like a reporter.
 */
export async function observePhenomenon(
  actor: CurrentUser,
  input: { phenomenonId: string } & ObservationInput,
): Promise<ServiceResult<{ observationId: string }, Exclude<CommonRefusal, { reason: 'stale' }>>> {
  const db = getDb()
  if (!(await findPhenomenonVersion(db, actor.organisation.id, input.phenomenonId))) return notFound
  if (!canObservePhenomenon(actor.roles)) return forbidden
  if (input.municipalityId) {
    const municipalities = await listMunicipalities(db, actor.organisation.id)
    if (!municipalities.some((municipality) => municipality.id === input.municipalityId))
      return { ok: false, reason: 'invalid', fieldErrors: { municipalityId: 'validation.invalid' } }
  }
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { sentence: input.sentence })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const observation = await db.transaction().execute(async (trx) => {
    const created = await createObservation(trx, {
      organisationId: actor.organisation.id,
      phenomenonId: input.phenomenonId,
      authorId: actor.id,
      municipalityId: input.municipalityId,
      clientEstimate: input.clientEstimate,
      sentence: input.sentence,
    })
    await follow(trx, actor, { kind: 'phenomenon', id: input.phenomenonId })
    return created
  })
  return { ok: true, observationId: observation.id }
}

/**
 * A coordinator or team lead rewrites the phenomenon's description (Markdown). It travels with the phenomenon to
 * committees, so it passes the guard; a save over someone else's newer change is refused as stale.
 */
export async function editPhenomenonDescription(
  actor: CurrentUser,
  input: { phenomenonId: string; description: string; version: Date },
): Promise<ServiceResult> {
  const db = getDb()
  if (!(await findPhenomenonVersion(db, actor.organisation.id, input.phenomenonId))) return notFound
  if (!canEditPhenomenonDescription(actor.roles)) return forbidden
  const findings = await scanTextsOfOrganisation(db, actor.organisation.id, { description: input.description })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const updated = await updatePhenomenonDescription(db, { ...input, organisationId: actor.organisation.id })
  return updated ? { ok: true } : { ok: false, reason: 'stale' }
}
