import { describe, expect, test } from 'vitest'
import { type Actor, reportStatuses } from './report-status.ts'
import {
  availableSendingMoves,
  canMove,
  mayFollowUpAnswer,
  canSendPhenomenon,
  canSendReport,
  isReminderDue,
  reminderAfterMs,
  SendRequestSchema,
  sendableReportStatuses,
} from './sendings.ts'

const lead = (leadsReportTeam: boolean): Actor => ({ roles: ['team_lead'], isAuthor: false, leadsReportTeam })
const coordinator: Actor = { roles: ['coordinator'], isAuthor: false, leadsReportTeam: false }
const worker: Actor = { roles: ['worker'], isAuthor: true, leadsReportTeam: false }

describe('who sends what on', () => {
  test('only reports that have left review: forwarded or later, or closed', () => {
    const sendable = reportStatuses.filter((status) => canSendReport(coordinator, status))
    expect(sendable).toEqual(['forwarded', 'on_agenda', 'decided', 'in_welfare_report', 'closed'])
    expect(sendable).toEqual([...sendableReportStatuses])
  })

  test('a team lead sends their own teams’ reports, a coordinator any, a worker none', () => {
    expect(canSendReport(lead(true), 'forwarded')).toBe(true)
    expect(canSendReport(lead(false), 'forwarded')).toBe(false)
    expect(canSendReport(worker, 'decided')).toBe(false)
  })

  test('phenomena are sent by coordinators only', () => {
    expect(canSendPhenomenon(['coordinator'])).toBe(true)
    expect(canSendPhenomenon(['team_lead', 'admin'])).toBe(false)
  })
})

describe('a sending’s moves', () => {
  test('a member marks it received, answers or returns it; a finished one stays as it is', () => {
    expect(availableSendingMoves('sent', true)).toEqual(['received', 'answered', 'returned'])
    expect(availableSendingMoves('received', true)).toEqual(['answered', 'returned'])
    expect(availableSendingMoves('answered', true)).toEqual([])
    expect(availableSendingMoves('sent', false)).toEqual([])
    expect(canMove('returned', 'answered')).toBe(false)
  })

  test('the one reminder is due 14 days after sending, not before, and never twice or after an answer', () => {
    const sentAt = new Date('2026-03-01T08:00:00Z')
    const at = (ms: number) => new Date(sentAt.getTime() + ms)
    expect(isReminderDue({ state: 'sent', sentAt, remindedAt: null }, at(reminderAfterMs - 1))).toBe(false)
    expect(isReminderDue({ state: 'sent', sentAt, remindedAt: null }, at(reminderAfterMs))).toBe(true)
    expect(isReminderDue({ state: 'received', sentAt, remindedAt: at(reminderAfterMs) }, at(2 * reminderAfterMs))).toBe(
      false,
    )
    expect(isReminderDue({ state: 'answered', sentAt, remindedAt: null }, at(2 * reminderAfterMs))).toBe(false)
  })
})

describe('the send request', () => {
  test('needs a recipient and a covering note; a recipient chosen twice is sent to once', () => {
    const id = '7d0c2a4e-5b1f-4f8e-9a63-2f0e6c1d9b11'
    expect(SendRequestSchema.parse({ recipientIds: [id, id], coveringNote: ' Saate ' })).toEqual({
      recipientIds: [id],
      coveringNote: 'Saate',
    })
    const refused = SendRequestSchema.safeParse({ recipientIds: [], coveringNote: ' ' })
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      'send.validation.recipients',
      'send.validation.coveringNote',
    ])
  })
})

describe('following up an answer', () => {
  test('once answered, a coordinator or a member of the body may; nobody before, nobody else', () => {
    const answered = { state: 'answered' as const }
    expect(mayFollowUpAnswer({ coordinator: true, isMember: false }, answered)).toBe(true)
    expect(mayFollowUpAnswer({ coordinator: false, isMember: true }, answered)).toBe(true)
    expect(mayFollowUpAnswer({ coordinator: false, isMember: false }, answered)).toBe(false)
    for (const state of ['sent', 'received', 'returned'] as const) {
      expect(mayFollowUpAnswer({ coordinator: true, isMember: true }, { state })).toBe(false)
    }
  })
})
