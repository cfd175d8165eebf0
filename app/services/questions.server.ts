import { z } from 'zod'
import { mayAnswerQuestion, mayAskQuestion, maxQuestionLength } from '#app/domain/team-reports.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { findVisibleReportState, recordReportEvent } from '#app/models/report.server.ts'
import { answerOpenQuestion, createQuestion } from '#app/models/report-question.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { fieldErrorsFrom } from '#app/utils/forms.ts'
import { type ServiceResult } from './result.ts'
import { actorFor } from './reports.server.ts'

const QuestionTextSchema = z
  .string()
  .trim()
  .min(1, 'question.validation.textRequired')
  .max(maxQuestionLength, 'validation.tooLong')

/**
 * A team lead or coordinator asks the report's authors a question; the report stays where it is. The question is
 * an event, so the authors hear of it at once (and by email when they want it so).
 */
export async function askQuestion(
  user: CurrentUser,
  input: { reportId: string; question: string },
): Promise<ServiceResult> {
  const parsed = QuestionTextSchema.safeParse(input.question)
  if (!parsed.success)
    return {
      ok: false,
      reason: 'invalid',
      fieldErrors: { question: fieldErrorsFrom(parsed.error.issues).form ?? 'validation.invalid' },
    }
  const db = getDb()
  const report = await findVisibleReportState(db, user, input.reportId)
  if (!report) return { ok: false, reason: 'not_found' }
  if (!mayAskQuestion(actorFor(user, report), report.status)) return { ok: false, reason: 'forbidden' }
  const findings = await scanTextsOfOrganisation(db, user.organisation.id, { question: parsed.data })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  await db.transaction().execute(async (trx) => {
    const scope = { organisationId: user.organisation.id, reportId: input.reportId }
    await createQuestion(trx, { ...scope, askedBy: user.id, text: parsed.data })
    await recordReportEvent(trx, { ...scope, actorId: user.id, type: 'question_asked', comment: parsed.data })
  })
  return { ok: true }
}

/** One of the report's authors answers an open question; the team's leads and the other authors hear of it. */
export async function answerQuestion(
  user: CurrentUser,
  input: { reportId: string; questionId: string; answer: string },
): Promise<ServiceResult> {
  const parsed = QuestionTextSchema.safeParse(input.answer)
  if (!parsed.success)
    return {
      ok: false,
      reason: 'invalid',
      fieldErrors: { answer: fieldErrorsFrom(parsed.error.issues).form ?? 'validation.invalid' },
    }
  const db = getDb()
  const report = await findVisibleReportState(db, user, input.reportId)
  if (!report) return { ok: false, reason: 'not_found' }
  if (!mayAnswerQuestion(actorFor(user, report))) return { ok: false, reason: 'forbidden' }
  const findings = await scanTextsOfOrganisation(db, user.organisation.id, { answer: parsed.data })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  const answered = await db.transaction().execute(async (trx) => {
    const scope = { organisationId: user.organisation.id, reportId: input.reportId }
    const row = await answerOpenQuestion(trx, {
      ...scope,
      questionId: input.questionId,
      answeredBy: user.id,
      text: parsed.data,
    })
    if (!row) return false
    await recordReportEvent(trx, { ...scope, actorId: user.id, type: 'question_answered', comment: parsed.data })
    return true
  })
  return answered ? { ok: true } : { ok: false, reason: 'stale' }
}
