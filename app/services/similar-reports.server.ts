import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import {
  findSimilarReports,
  markSamePhenomenon,
  removeSamePhenomenonMark,
  type TypedReport,
} from '#app/models/similar-report.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

/**
 * The organisation's reports like the one being typed, each saying whether the writer may open it. Text holding
 * identifying data is not looked up at all, so it reaches no query; the worker sees no hits until the guard's
 * findings are gone.
 */
export async function findSimilarReportsFor(user: CurrentUser, typed: TypedReport) {
  const db = getDb()
  const findings = await scanTextsOfOrganisation(db, user.organisation.id, { text: typed.text, title: typed.title })
  if (findings.length > 0) return []
  const hits = await findSimilarReports(db, user, typed)
  return hits.map(({ score: _score, ...hit }) => hit)
}

/**
 * The writer says their report, still theirs to edit, is (or after all is not) about the same phenomenon as a
 * report the lookup showed them; their team lead sees it in review and can link the two to one phenomenon.
 */
export async function setSamePhenomenon(
  user: CurrentUser,
  input: { reportId: string; sameAsReportId: string; same: boolean },
): Promise<ServiceResult> {
  const mark = { reportId: input.reportId, sameAsReportId: input.sameAsReportId }
  const changed = input.same
    ? await markSamePhenomenon(getDb(), user, mark)
    : await removeSamePhenomenonMark(getDb(), user, mark)
  return changed || !input.same ? { ok: true } : { ok: false, reason: 'not_found' }
}
