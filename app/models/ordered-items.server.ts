import { sql, type Transaction } from 'kysely'
import { type Database } from './database.ts'

/**
 * Rows kept in order by a `position` 1…n within their list: agenda items within a meeting, sections within a
 * welfare report. Every write here runs in the caller's transaction after the caller has locked the list's owner
 * row (the meeting, the welfare report), so that rows added, moved or deleted at the same time take turns.
 */
export type OrderedList =
  | { table: 'agenda_items'; listColumn: 'meeting_id'; listId: string }
  | { table: 'welfare_report_sections'; listColumn: 'welfare_report_id'; listId: string }

export const agendaOf = (meetingId: string): OrderedList => ({
  table: 'agenda_items',
  listColumn: 'meeting_id',
  listId: meetingId,
})

export const sectionsOf = (welfareReportId: string): OrderedList => ({
  table: 'welfare_report_sections',
  listColumn: 'welfare_report_id',
  listId: welfareReportId,
})

export type Positioned = { id: string; position: number }
export type Move = 'up' | 'down'

/** The position after the last row of the list, as a value for an insert. */
export function nextPosition(list: OrderedList) {
  return sql<number>`(select coalesce(max(position), 0) + 1 from ${sql.table(list.table)} where ${sql.ref(
    list.listColumn,
  )} = ${list.listId})`
}

/** The row of this list, or undefined when the id names none of its rows. */
export async function findPositioned(
  trx: Transaction<Database>,
  list: OrderedList,
  id: string,
): Promise<Positioned | undefined> {
  const { rows } = await sql<Positioned>`select id, position from ${sql.table(list.table)}
    where id = ${id} and ${sql.ref(list.listColumn)} = ${list.listId}`.execute(trx)
  return rows[0]
}

/**
 * Swaps the row with its neighbour above or below; the unique position is checked at commit, so the two updates
 * may briefly share a position. At the edge nothing moves; the answer says whether anything did.
 */
export async function moveWithinList(
  trx: Transaction<Database>,
  list: OrderedList,
  row: Positioned,
  move: Move,
): Promise<boolean> {
  const { rows } = await sql<Positioned>`select id, position from ${sql.table(list.table)}
    where ${sql.ref(list.listColumn)} = ${list.listId}
      and position ${move === 'up' ? sql`<` : sql`>`} ${row.position}
    order by position ${move === 'up' ? sql`desc` : sql`asc`}
    limit 1`.execute(trx)
  const neighbour = rows[0]
  if (!neighbour) return false
  const now = new Date()
  const place = (id: string, position: number) =>
    sql`update ${sql.table(list.table)} set position = ${position}, updated_at = ${now} where id = ${id}`.execute(trx)
  await place(row.id, neighbour.position)
  await place(neighbour.id, row.position)
  return true
}

/**
 * Puts the list's last row back at a position it once held, moving the rows from there down by one; the unique
 * position is checked at commit. A position past the end leaves the row last.
 */
export async function placeAt(trx: Transaction<Database>, list: OrderedList, row: Positioned, position: number) {
  if (position >= row.position) return
  await sql`update ${sql.table(list.table)} set position = position + 1
    where ${sql.ref(list.listColumn)} = ${list.listId} and position >= ${position} and id <> ${row.id}`.execute(trx)
  await sql`update ${sql.table(list.table)} set position = ${position} where id = ${row.id}`.execute(trx)
}

/** Deletes the row and closes the gap, so the list stays numbered 1…n. */
export async function deleteFromList(trx: Transaction<Database>, list: OrderedList, row: Positioned) {
  await sql`delete from ${sql.table(list.table)} where id = ${row.id}`.execute(trx)
  await sql`update ${sql.table(list.table)} set position = position - 1
    where ${sql.ref(list.listColumn)} = ${list.listId} and position > ${row.position}`.execute(trx)
}
