import { sql, type Transaction } from 'kysely'
import { findingsAfterRedaction, redactText } from '#app/domain/redaction.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'

/**
 * Replaces every occurrence of the fragment in a report of the organisation: its own text fields, its proposed
 * actions and its events' comments, and drops the stored findings that quote it. Events refuse every change unless
 * the transaction says it is redacting (migration 0007), which this does first, so only this function can alter
 * them. Null when the organisation has no such report; otherwise the report's title after redaction and how many
 * occurrences were replaced.
 */
export async function redactReportTexts(
  trx: Transaction<Database>,
  input: { organisationId: string; reportId: string; fragment: string; placeholder: string },
): Promise<{ title: string; replaced: number } | null> {
  const { fragment, placeholder } = input
  const report = await trx
    .selectFrom('reports')
    .select(['id', 'title', 'description', 'causes', 'consequences', 'identifiability_findings'])
    .where('id', '=', input.reportId)
    .where('organisation_id', '=', input.organisationId)
    .forUpdate()
    .executeTakeFirst()
  if (!report) return null
  let replaced = 0
  const redact = (text: string) => {
    const result = redactText(text, fragment, placeholder)
    replaced += result.count
    return result.text
  }
  const title = redact(report.title)
  await trx
    .updateTable('reports')
    .set({
      title,
      description: redact(report.description),
      causes: redact(report.causes),
      consequences: redact(report.consequences),
      identifiability_findings: JSON.stringify(findingsAfterRedaction(report.identifiability_findings, fragment)),
    })
    .where('id', '=', report.id)
    .execute()
  const actions = await trx
    .selectFrom('proposed_actions')
    .select(['id', 'description', 'outcome_reason'])
    .where('report_id', '=', report.id)
    .execute()
  for (const action of actions) {
    const description = redact(action.description)
    const outcomeReason = action.outcome_reason === null ? null : redact(action.outcome_reason)
    if (description === action.description && outcomeReason === action.outcome_reason) continue
    await trx
      .updateTable('proposed_actions')
      .set({ description, outcome_reason: outcomeReason })
      .where('id', '=', action.id)
      .execute()
  }
  const events = await trx
    .selectFrom('report_events')
    .select(['id', 'comment'])
    .where('report_id', '=', report.id)
    .where(sql<boolean>`strpos(comment, ${fragment}) > 0`)
    .execute()
  if (events.length > 0) await allowEventRedaction(trx)
  for (const event of events) {
    await trx
      .updateTable('report_events')
      .set({ comment: redact(event.comment!) })
      .where('id', '=', event.id)
      .execute()
  }
  return { title, replaced }
}

/** Lets this transaction, and only it, update report events (the trigger of migration 0007 checks the setting). */
async function allowEventRedaction(trx: Transaction<Database>) {
  await sql`select set_config('app.redacting', 'on', true)`.execute(trx)
}

/**
 * Drafts stored with identifying text before drafts were guarded, for the admin's list: the title and author only,
 * never what was found, which only the author sees on their own draft.
 */
export async function listDraftsWithFindings(db: AppDb, organisationId: string) {
  return db
    .selectFrom('reports')
    .innerJoin('users', 'users.id', 'reports.author_id')
    .select([
      'reports.id',
      'reports.title',
      'users.name as author',
      'reports.updated_at as updatedAt',
      sql<number>`jsonb_array_length(reports.identifiability_findings)::int`.as('findingCount'),
    ])
    .where('reports.organisation_id', '=', organisationId)
    .where('reports.status', '=', 'draft')
    .where(sql<boolean>`jsonb_array_length(reports.identifiability_findings) > 0`)
    .orderBy('reports.updated_at', 'desc')
    .execute()
}

/** The author's own drafts still holding identifying text stored before drafts were guarded. */
export async function listOwnDraftsWithFindings(db: AppDb, organisationId: string, authorId: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'title'])
    .where('organisation_id', '=', organisationId)
    .where('author_id', '=', authorId)
    .where('status', '=', 'draft')
    .where(sql<boolean>`jsonb_array_length(identifiability_findings) > 0`)
    .orderBy('updated_at', 'desc')
    .execute()
}
