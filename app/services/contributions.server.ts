import { type ContributionInput } from '#app/domain/contribution-schema.ts'
import { furthestPublicStep } from '#app/domain/contributions.ts'
import { isContributor, writesReports } from '#app/domain/roles.ts'
import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import {
  createContribution,
  findPhenomenonOpening,
  findPhenomenonOpenForViews,
  getContributorsEnabled,
  listOwnContributions,
  setContributorsEnabled,
  setPhenomenonOpenForViews,
} from '#app/models/contribution.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

type Actor = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

const forbidden = { ok: false, reason: 'forbidden' } as const

/** Turns the organisation's contributor channel on or off; off keeps contributors out until it is on again. */
export async function changeContributorsEnabled(admin: Actor, enabled: boolean): Promise<ServiceResult> {
  if (!canAdministerOrganisation(admin.roles)) return forbidden
  const organisationId = admin.organisation.id
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await getContributorsEnabled(trx, organisationId)
      if (before === enabled) return
      await setContributorsEnabled(trx, organisationId, enabled)
      await recordAudit(trx, {
        organisationId,
        actorId: admin.id,
        action: 'settings.changed',
        target: { type: 'organisation', id: organisationId },
        details: { intent: 'contributorsEnabled', changes: { contributorsEnabled: { before, after: enabled } } },
      })
    })
  return { ok: true }
}

/**
 * A contributor's observation, or their view on a phenomenon the organisation opened for views. The text passes the
 * identifying-data guard first; a refusal quotes what it found and the form keeps the text.
 */
export async function recordContribution(
  contributor: Actor,
  input: ContributionInput & { phenomenonId: string | null },
): Promise<ServiceResult<{ contributionId: string }>> {
  if (!isContributor(contributor) || contributor.organisation.contributors_enabled === false) return forbidden
  const db = getDb()
  const organisationId = contributor.organisation.id
  if (input.phenomenonId && !(await findPhenomenonOpenForViews(db, organisationId, input.phenomenonId))) {
    return { ok: false, reason: 'not_found' }
  }
  const findings = await scanTextsOfOrganisation(db, organisationId, { text: input.text })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const created = await createContribution(db, {
    organisationId,
    authorId: contributor.id,
    kind: input.phenomenonId ? 'view' : 'observation',
    phenomenonId: input.phenomenonId,
    forum: input.forum,
    text: input.text,
  })
  return { ok: true, contributionId: created.id }
}

/** "Omat näkemykset": the contributor's own contributions and the one public step their phenomenon has reached. */
export async function listContributionsOf(contributor: Actor) {
  const rows = await listOwnContributions(getDb(), contributor.organisation.id, contributor.id)
  return rows.map(({ report_statuses, ...row }) => ({
    ...row,
    step: row.phenomenon_title === null ? null : furthestPublicStep(report_statuses ?? []),
  }))
}

/** Coordinators open a phenomenon for views and write the summary contributors read instead of its description. */
export const phenomenonOpenerRole = 'coordinator' as const

/**
 * Opens or closes a phenomenon for contributors' views. The public summary is all contributors read of it, so it
 * passes the identifying-data guard like every text that leaves the staff.
 */
export async function setPhenomenonOpening(
  coordinator: Actor,
  phenomenonId: string,
  opening: { open: boolean; publicSummary: string },
): Promise<ServiceResult> {
  if (!coordinator.roles.includes(phenomenonOpenerRole)) return forbidden
  const db = getDb()
  const organisationId = coordinator.organisation.id
  if (!(await findPhenomenonOpening(db, organisationId, phenomenonId))) return { ok: false, reason: 'not_found' }
  const findings = await scanTextsOfOrganisation(db, organisationId, { publicSummary: opening.publicSummary })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  await setPhenomenonOpenForViews(db, organisationId, phenomenonId, opening)
  return { ok: true }
}

/**
 * "Asiakkaan näkemys": a worker records a client's view on a phenomenon on the client's behalf. It is guarded like
 * every text, and the coordinator reads it among the phenomenon's views as the client's own.
 */
export async function recordClientView(
  worker: Actor,
  phenomenonId: string,
  text: string,
): Promise<ServiceResult<{ contributionId: string }>> {
  if (!writesReports(worker.roles)) return forbidden
  const db = getDb()
  const organisationId = worker.organisation.id
  if (!(await findPhenomenonOpening(db, organisationId, phenomenonId))) return { ok: false, reason: 'not_found' }
  const findings = await scanTextsOfOrganisation(db, organisationId, { text })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const created = await createContribution(db, {
    organisationId,
    authorId: worker.id,
    kind: 'client_view',
    phenomenonId,
    forum: 'asiakas',
    text,
  })
  return { ok: true, contributionId: created.id }
}
