import { type Transaction } from 'kysely'
import { type Database } from '#app/models/database.ts'
import { type DemoReport } from './demo-follow-through.ts'

/**
 * One report prepared in a team meeting by two authors, with a question the team lead asked and one of the
 * authors answered: the demo shows a team report and a dialogue that did not send the report back.
 */
export async function seedTeamReport(
  trx: Transaction<Database>,
  demo: {
    organisationId: string
    report: DemoReport | undefined
    coAuthorEmail: string
    leadId: string
    now: Date
  },
) {
  if (!demo.report) return
  const { id: reportId, authorId } = demo.report
  const coAuthor = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', demo.coAuthorEmail)
    .executeTakeFirstOrThrow()
  await trx.updateTable('reports').set({ prepared_in: 'team_meeting' }).where('id', '=', reportId).execute()
  await trx
    .insertInto('report_co_authors')
    .values({ report_id: reportId, user_id: coAuthor.id, organisation_id: demo.organisationId })
    .execute()
  const hoursAgo = (hours: number) => new Date(demo.now.getTime() - hours * 60 * 60 * 1000)
  const question = 'Kuinka monella tiimin asiakkaalla tämä on näkynyt viimeisen kuukauden aikana?'
  const answer = 'Tiimipalaverissa laskimme noin kymmenen asiakasta kuukaudessa, ja määrä kasvaa.'
  await trx
    .insertInto('report_questions')
    .values({
      organisation_id: demo.organisationId,
      report_id: reportId,
      asked_by: demo.leadId,
      question,
      asked_at: hoursAgo(30),
      answered_by: authorId,
      answer,
      answered_at: hoursAgo(26),
    })
    .execute()
  const event = { report_id: reportId, organisation_id: demo.organisationId }
  await trx
    .insertInto('report_events')
    .values([
      { ...event, actor_id: demo.leadId, type: 'question_asked', comment: question, created_at: hoursAgo(30) },
      { ...event, actor_id: authorId, type: 'question_answered', comment: answer, created_at: hoursAgo(26) },
    ])
    .execute()
}
