import { describe, expect, test } from 'vitest'
import {
  agendaDecisions,
  AgendaItemSchema,
  agendaReadyStatus,
  canPrepareMeetings,
  canReadMeeting,
  canRecordDecision,
  DecisionSchema,
  MeetingSchema,
  meetingReadScope,
  onAgendaStatus,
  withoutOtherItems,
  parseHelsinkiDateTime,
  reportStatusAfterDecision,
  toHelsinkiDateTimeInput,
} from './meetings.ts'
import { canTransition, findTransition } from './report-status.ts'

const committeeId = '7b0f3c2e-8d4a-4f6b-9c1d-2e3f4a5b6c7d'

describe('who may do what', () => {
  test('only coordinators prepare meetings', () => {
    expect(canPrepareMeetings(['coordinator'])).toBe(true)
    expect(canPrepareMeetings(['committee_member', 'admin', 'team_lead'])).toBe(false)
  })

  test('coordinators read every meeting, drafts included', () => {
    const coordinator = { roles: ['coordinator' as const], seatedCommitteeIds: [] }
    expect(meetingReadScope(coordinator.roles)).toBe('organisation')
    expect(canReadMeeting(coordinator, { committeeId, published: false })).toBe(true)
  })

  test('members read only published meetings of committees they sit on', () => {
    const member = { roles: ['committee_member' as const], seatedCommitteeIds: [committeeId] }
    expect(canReadMeeting(member, { committeeId, published: true })).toBe(true)
    expect(canReadMeeting(member, { committeeId, published: false })).toBe(false)
    expect(canReadMeeting(member, { committeeId: 'another', published: true })).toBe(false)
  })

  test('other roles read no meetings', () => {
    const admin = { roles: ['admin' as const, 'team_lead' as const], seatedCommitteeIds: [committeeId] }
    expect(meetingReadScope(admin.roles)).toBe('none')
    expect(canReadMeeting(admin, { committeeId, published: true })).toBe(false)
  })

  test('the chair or the secretary records decisions; a coordinator as such does not', () => {
    expect(canRecordDecision(['committee_member'], 'chair')).toBe(true)
    expect(canRecordDecision(['committee_member'], 'secretary')).toBe(true)
    expect(canRecordDecision(['committee_member'], 'member')).toBe(false)
    expect(canRecordDecision(['committee_member', 'coordinator'], null)).toBe(false)
    expect(canRecordDecision(['coordinator'], 'chair')).toBe(false)
  })
})

describe('decisions and the report lifecycle', () => {
  test('each decision sends the reports to the status DESIGN.md names', () => {
    expect(reportStatusAfterDecision('noted')).toBe('decided')
    expect(reportStatusAfterDecision('decided')).toBe('decided')
    expect(reportStatusAfterDecision('returned')).toBe('forwarded')
    expect(reportStatusAfterDecision('tabled')).toBe('forwarded')
  })

  test('the lifecycle allows every move a meeting makes, and only through the meeting', () => {
    const coordinator = { roles: ['coordinator' as const], isAuthor: false, leadsReportTeam: false }
    const member = { roles: ['committee_member' as const], isAuthor: false, leadsReportTeam: false }
    expect(findTransition(agendaReadyStatus, onAgendaStatus)?.via).toBe('meeting')
    expect(canTransition(coordinator, agendaReadyStatus, onAgendaStatus)).toBe(false)
    for (const decision of agendaDecisions) {
      const to = reportStatusAfterDecision(decision)
      expect(findTransition(onAgendaStatus, to)?.via).toBe('meeting')
      expect(canTransition(member, onAgendaStatus, to)).toBe(false)
    }
  })
})

describe('meeting times are Finnish time', () => {
  test('winter and summer time', () => {
    expect(parseHelsinkiDateTime('2026-01-15T14:00')?.toISOString()).toBe('2026-01-15T12:00:00.000Z')
    expect(parseHelsinkiDateTime('2026-06-15T14:00')?.toISOString()).toBe('2026-06-15T11:00:00.000Z')
    expect(parseHelsinkiDateTime('2026-06-15T14:00:30')?.toISOString()).toBe('2026-06-15T11:00:30.000Z')
  })

  test('around the change to summer time', () => {
    // Clocks go from 03:00 to 04:00 on the last Sunday of March 2026.
    expect(parseHelsinkiDateTime('2026-03-29T02:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z')
    expect(parseHelsinkiDateTime('2026-03-29T04:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z')
  })

  test('round trip through the form field', () => {
    for (const value of ['2026-01-15T14:00', '2026-06-15T09:05', '2026-10-25T18:30']) {
      expect(toHelsinkiDateTimeInput(parseHelsinkiDateTime(value)!)).toBe(value)
    }
    expect(toHelsinkiDateTimeInput('2026-06-15T11:00:00.000Z')).toBe('2026-06-15T14:00')
  })

  test('anything but a real date and time is refused', () => {
    for (const value of [
      '',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-01-01T24:00',
      '15.1.2026 14:00',
      '1999-12-31T10:00',
    ]) {
      expect(parseHelsinkiDateTime(value)).toBeNull()
    }
  })
})

describe('form schemas', () => {
  test('a meeting needs a committee and a time; the place is optional but short', () => {
    const parsed = MeetingSchema.safeParse({ committeeId, startsAt: '2026-05-04T13:00', place: ' Valtuustosali ' })
    expect(parsed.success && parsed.data).toEqual({
      committeeId,
      startsAt: new Date('2026-05-04T10:00:00.000Z'),
      place: 'Valtuustosali',
    })
    const failed = MeetingSchema.safeParse({ committeeId: '', startsAt: 'huomenna', place: 'x'.repeat(201) })
    expect(failed.success).toBe(false)
    expect(failed.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['committeeId', 'meetings.validation.committee'],
      ['startsAt', 'meetings.validation.startsAt'],
      ['place', 'validation.tooLong'],
    ])
  })

  test('an agenda item needs a title; links are unique uuids', () => {
    const reportId = 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b'
    const parsed = AgendaItemSchema.parse({ title: ' Asunnottomuus ', reportIds: [reportId, reportId] })
    expect(parsed).toEqual({
      title: 'Asunnottomuus',
      summary: '',
      proposal: '',
      reportIds: [reportId],
      phenomenonIds: [],
    })
    const failed = AgendaItemSchema.safeParse({
      title: ' ',
      summary: 'x'.repeat(20_001),
      proposal: 'x'.repeat(5001),
      phenomenonIds: ['nope'],
    })
    expect(failed.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['title', 'meetings.validation.titleRequired'],
      ['summary', 'validation.tooLong'],
      ['proposal', 'validation.tooLong'],
      ['phenomenonIds', 'validation.invalid'],
    ])
  })

  test('"decided" needs a text; the other decisions may go without', () => {
    expect(DecisionSchema.safeParse({ kind: 'noted' }).success).toBe(true)
    expect(DecisionSchema.safeParse({ kind: 'tabled', text: '' }).success).toBe(true)
    const failed = DecisionSchema.safeParse({ kind: 'decided', text: '  ' })
    expect(failed.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['text', 'meetings.validation.decisionTextRequired'],
    ])
    const unknown = DecisionSchema.safeParse({ kind: 'vetoed', text: 'x'.repeat(5001) })
    expect(unknown.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['kind', 'meetings.validation.decisionKind'],
      ['text', 'validation.tooLong'],
    ])
  })
})

describe('the agenda picker', () => {
  test('leaves out what another item of the agenda already holds, and keeps the rest in order', () => {
    const candidates = {
      reports: [{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }],
      phenomena: [{ id: 'p1' }, { id: 'p2' }],
    }
    const otherItems = [{ reports: [{ id: 'r2' }], phenomena: [{ id: 'p1' }] }]
    expect(withoutOtherItems(candidates, otherItems)).toEqual({
      reports: [{ id: 'r1' }, { id: 'r3' }],
      phenomena: [{ id: 'p2' }],
    })
    expect(withoutOtherItems(candidates, [])).toEqual(candidates)
  })
})
