import { z } from 'zod'
import { type AgendaDecision, agendaDecisions } from './agenda-decisions.ts'
import { type CommitteeRole, committeeSeatRole } from './committees.ts'
import { isPlausibleYear } from './dates.ts'
import { helsinkiDay } from './digest.ts'
import { type ReportStatus } from './report-status.ts'
import { meetingPreparerRole, type Role } from './roles.ts'

export { agendaDecisions, type AgendaDecision }

export { meetingPreparerRole, meetingReaderRoles, readsMeetings } from './roles.ts'

export function canPrepareMeetings(roles: readonly Role[]): boolean {
  return roles.includes(meetingPreparerRole)
}

/**
 * Which meetings a user may read: coordinators every meeting of the organisation, drafts included; committee
 * members only published meetings of the committees they sit on; everyone else none.
 */
export type MeetingReadScope = 'organisation' | 'seated_published' | 'none'

export function meetingReadScope(roles: readonly Role[]): MeetingReadScope {
  if (canPrepareMeetings(roles)) return 'organisation'
  if (roles.includes(committeeSeatRole)) return 'seated_published'
  return 'none'
}

export function canReadMeeting(
  viewer: { roles: readonly Role[]; seatedCommitteeIds: readonly string[] },
  meeting: { committeeId: string; published: boolean },
): boolean {
  switch (meetingReadScope(viewer.roles)) {
    case 'organisation':
      return true
    case 'seated_published':
      return meeting.published && viewer.seatedCommitteeIds.includes(meeting.committeeId)
    case 'none':
      return false
  }
}

/** A decision is recorded on the meeting's day or after it (Helsinki calendar days), never ahead of the meeting. */
export function hasMeetingDayCome(startsAt: Date | string, now: Date): boolean {
  return helsinkiDay(now) >= helsinkiDay(new Date(startsAt))
}

/** Decisions are the committee's own: its chair or secretary records them; a coordinator as such never does. */
export function canRecordDecision(roles: readonly Role[], seat: CommitteeRole | null): boolean {
  return roles.includes(committeeSeatRole) && (seat === 'chair' || seat === 'secretary')
}

/**
 * Where a decision sends the reports on the item: noted and decided items are done in the committee; an item
 * returned for preparation or tabled goes back to the coordinator, as the lifecycle in DESIGN.md says.
 */
export function reportStatusAfterDecision(decision: AgendaDecision): ReportStatus {
  switch (decision) {
    case 'noted':
    case 'decided':
      return 'decided'
    case 'returned':
    case 'tabled':
      return 'forwarded'
  }
}

/** Publishing moves every report on the agenda from this status to `onAgendaStatus`. */
export const agendaReadyStatus = 'forwarded' satisfies ReportStatus
export const onAgendaStatus = 'on_agenda' satisfies ReportStatus

// Meetings happen in Finland; a time typed into the form means Finnish wall-clock time wherever the server runs.
const meetingTimeZone = 'Europe/Helsinki'
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: meetingTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

function wallClockParts(date: Date) {
  const parts = Object.fromEntries(wallClock.formatToParts(date).map((part) => [part.type, part.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** Minutes Helsinki is ahead of UTC at this instant (120 in winter, 180 in summer). */
function helsinkiOffsetMinutes(instant: number): number {
  const p = wallClockParts(new Date(instant))
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant) / 60_000)
}

const localDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** A `datetime-local` value read as Finnish time; null when it is not a real date and time. */
export function parseHelsinkiDateTime(value: string): Date | null {
  const match = localDateTimePattern.exec(value.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[]
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second)
  const check = new Date(wall)
  if (
    !isPlausibleYear(year!) ||
    check.getUTCMonth() !== month! - 1 ||
    check.getUTCDate() !== day! ||
    hour! > 23 ||
    minute! > 59 ||
    second > 59
  ) {
    return null
  }
  // The offset at the guessed instant may differ from the offset at the answer around a DST change: look twice.
  const guess = wall - helsinkiOffsetMinutes(wall) * 60_000
  return new Date(wall - helsinkiOffsetMinutes(guess) * 60_000)
}

/** The value a `datetime-local` field shows for a stored instant, in Finnish time. */
export function toHelsinkiDateTimeInput(value: Date | string): string {
  const p = wallClockParts(typeof value === 'string' ? new Date(value) : value)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

const uniqueIds = z
  .array(z.uuid({ error: 'validation.invalid' }), { error: 'validation.invalid' })
  .max(500, 'validation.tooLong')
  .default([])
  .transform((ids) => [...new Set(ids)])

/** Planning a meeting: which committee, when (Finnish time) and where. */
export const MeetingSchema = z.object({
  committeeId: z.uuid({ error: 'meetings.validation.committee' }),
  startsAt: z.string({ error: 'meetings.validation.startsAt' }).transform((value, ctx) => {
    const date = parseHelsinkiDateTime(value)
    if (date) return date
    ctx.addIssue({ code: 'custom', message: 'meetings.validation.startsAt' })
    return z.NEVER
  }),
  place: z.string({ error: 'validation.invalid' }).trim().max(200, 'validation.tooLong').default(''),
})
export type MeetingInput = z.output<typeof MeetingSchema>

/** An agenda item as the coordinator prepares it; the summary is Markdown. */
export const AgendaItemSchema = z.object({
  title: z
    .string({ error: 'meetings.validation.titleRequired' })
    .trim()
    .min(1, 'meetings.validation.titleRequired')
    .max(200, 'validation.tooLong'),
  summary: z.string({ error: 'validation.invalid' }).trim().max(20_000, 'validation.tooLong').default(''),
  proposal: z.string({ error: 'validation.invalid' }).trim().max(5000, 'validation.tooLong').default(''),
  reportIds: uniqueIds,
  phenomenonIds: uniqueIds,
})
export type AgendaItemInput = z.output<typeof AgendaItemSchema>

/** The free-text fields of an agenda item: all of them reach a public agenda, so all pass the guard. */
export function agendaItemTexts(item: Pick<AgendaItemInput, 'title' | 'summary' | 'proposal'>) {
  return { title: item.title, summary: item.summary, proposal: item.proposal }
}

/** A decision on an item; "päätetty toimenpiteistä" must say what was decided. */
export const DecisionSchema = z
  .object({
    kind: z.enum(agendaDecisions, { error: 'meetings.validation.decisionKind' }),
    text: z.string({ error: 'validation.invalid' }).trim().max(5000, 'validation.tooLong').default(''),
  })
  .superRefine((decision, ctx) => {
    if (decision.kind === 'decided' && decision.text === '') {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'meetings.validation.decisionTextRequired' })
    }
  })
export type DecisionInput = z.output<typeof DecisionSchema>

export const agendaMoves = ['up', 'down'] as const
export type AgendaMove = (typeof agendaMoves)[number]

interface Linked {
  id: string
}

/**
 * What an agenda item's picker offers: a report (or a phenomenon) already on another item of the same agenda is left
 * out, since a report stands on one item only (publishing refuses otherwise).
 */
export function withoutOtherItems<Report extends Linked, Phenomenon extends Linked>(
  candidates: { reports: Report[]; phenomena: Phenomenon[] },
  otherItems: readonly { reports: readonly Linked[]; phenomena: readonly Linked[] }[],
): { reports: Report[]; phenomena: Phenomenon[] } {
  const reports = new Set(otherItems.flatMap((item) => item.reports.map((report) => report.id)))
  const phenomena = new Set(otherItems.flatMap((item) => item.phenomena.map((phenomenon) => phenomenon.id)))
  return {
    reports: candidates.reports.filter((report) => !reports.has(report.id)),
    phenomena: candidates.phenomena.filter((phenomenon) => !phenomena.has(phenomenon.id)),
  }
}
