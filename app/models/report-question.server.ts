import { sql, type Transaction } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { authoredBy } from './report-co-author.server.ts'

export async function createQuestion(
  trx: Transaction<Database>,
  question: { organisationId: string; reportId: string; askedBy: string; text: string },
) {
  return trx
    .insertInto('report_questions')
    .values({
      organisation_id: question.organisationId,
      report_id: question.reportId,
      asked_by: question.askedBy,
      question: question.text,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Records the answer to a question still open; null when there is no such open question on the report. */
export async function answerOpenQuestion(
  trx: Transaction<Database>,
  answer: { organisationId: string; reportId: string; questionId: string; answeredBy: string; text: string },
) {
  const row = await trx
    .updateTable('report_questions')
    .set({ answer: answer.text, answered_by: answer.answeredBy, answered_at: sql<Date>`now()` })
    .where('id', '=', answer.questionId)
    .where('report_id', '=', answer.reportId)
    .where('organisation_id', '=', answer.organisationId)
    .where('answered_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return row ?? null
}

/** The report's questions, oldest first, with who asked and who answered. */
export function listQuestions(db: AppDb, organisationId: string, reportId: string) {
  return db
    .selectFrom('report_questions')
    .innerJoin('users as asker', 'asker.id', 'report_questions.asked_by')
    .leftJoin('users as answerer', 'answerer.id', 'report_questions.answered_by')
    .select([
      'report_questions.id',
      'report_questions.question',
      'report_questions.asked_at',
      'report_questions.answer',
      'report_questions.answered_at',
      'asker.name as asker_name',
      'answerer.name as answerer_name',
    ])
    .where('report_questions.report_id', '=', reportId)
    .where('report_questions.organisation_id', '=', organisationId)
    .orderBy('report_questions.asked_at')
    .orderBy('report_questions.id')
    .execute()
}

/** The user's own reports (written or co-written) with questions waiting for their answer, with how many. */
export function listReportsWithOpenQuestions(db: AppDb, author: { id: string; organisation: { id: string } }) {
  return db
    .selectFrom('report_questions')
    .innerJoin('reports', 'reports.id', 'report_questions.report_id')
    .select(['reports.id', 'reports.title', sql<number>`count(*)::int`.as('open')])
    .where('report_questions.organisation_id', '=', author.organisation.id)
    .where('reports.organisation_id', '=', author.organisation.id)
    .where('report_questions.answered_at', 'is', null)
    .where((eb) => authoredBy(eb, author.id))
    .groupBy(['reports.id', 'reports.title'])
    .orderBy('reports.title')
    .limit(20)
    .execute()
}
