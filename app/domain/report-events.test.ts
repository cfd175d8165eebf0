import { describe, expect, test } from 'vitest'
import { getTranslate } from '#app/utils/i18n.ts'
import {
  eventStep,
  presentReportEvent,
  type StoredReportEvent,
  timelineMessage,
  translateEventMessage,
} from './report-events.ts'

const stored: StoredReportEvent = {
  id: '5b0f3f4e-8c7a-4c1e-9d3b-2a6f1e0c9b11',
  type: 'status_changed',
  from_status: 'on_agenda',
  to_status: 'decided',
  comment: null,
  resolution: null,
  created_at: new Date('2025-03-04T08:15:00Z'),
  actor_name: 'Matti Esimies',
  committee_name: 'Perusturvalautakunta',
  committee_name_sv: 'Grundtrygghetsnämnden',
  phenomenon_title: null,
  decision: null,
  action_outcome: null,
  action_description: null,
  welfare_report_id: null,
  welfare_report_title: null,
  welfare_section_id: null,
  welfare_section_title: null,
  recipient_name: null,
  recipient_name_sv: null,
  follow_up_id: null,
  follow_up_title: null,
  follow_up_target_date: null,
  follow_up_status: null,
  follow_up_progress: null,
}

const en = getTranslate('en')

describe('presentReportEvent', () => {
  test('reads the same from a database row and from its JSON after a loader', () => {
    const fromJson = { ...stored, created_at: '2025-03-04T08:15:00.000Z' }
    expect(presentReportEvent(fromJson, 'fi')).toEqual(presentReportEvent(stored, 'fi'))
    expect(presentReportEvent(stored, 'fi')).toMatchObject({
      at: '2025-03-04T08:15:00.000Z',
      actorName: 'Matti Esimies',
    })
  })

  test('names the committee and the recipient in Swedish for a Swedish reader where they have a Swedish name', () => {
    const sent = { ...stored, type: 'sent_to_recipient' as const, recipient_name: 'Kela', recipient_name_sv: 'FPA' }
    expect(presentReportEvent(sent, 'sv')).toMatchObject({ committee: 'Grundtrygghetsnämnden', recipient: 'FPA' })
    expect(presentReportEvent(sent, 'fi')).toMatchObject({ committee: 'Perusturvalautakunta', recipient: 'Kela' })
    expect(presentReportEvent({ ...sent, recipient_name_sv: null }, 'sv').recipient).toBe('Kela')
  })

  test('an action and a welfare section are there only when the event refers to them', () => {
    expect(presentReportEvent(stored, 'fi')).toMatchObject({
      action: null,
      welfareReport: null,
      fromStatus: 'on_agenda',
    })
    const included = presentReportEvent(
      {
        ...stored,
        type: 'welfare_report_included',
        welfare_report_id: 'w1',
        welfare_report_title: 'Hyvinvointikertomus 2025',
        welfare_section_id: 's1',
        welfare_section_title: 'Asuminen',
      },
      'fi',
    )
    expect(included.welfareReport).toEqual({
      id: 'w1',
      title: 'Hyvinvointikertomus 2025',
      sectionId: 's1',
      section: 'Asuminen',
      path: '/welfare-reports/w1#section-s1',
    })
  })
})

describe('one event, each surface’s words', () => {
  test('the timeline names a decision rather than the status it lands in', () => {
    const decided = presentReportEvent({ ...stored, decision: 'decided' }, 'fi')
    expect(translateEventMessage(en, timelineMessage(decided))).toBe(
      en('timeline.decision', { decision: en('agendaDecision.decided') }),
    )
    expect(translateEventMessage(en, timelineMessage(presentReportEvent(stored, 'fi')))).toBe(
      en('timeline.statusChanged', { status: en('status.decided') }),
    )
  })

  test('an action outcome quotes the action without its closing full stop', () => {
    const outcome = presentReportEvent(
      {
        ...stored,
        type: 'action_outcome',
        action_description: 'Neuvontaa hakemisesta.',
        action_outcome: 'done',
      },
      'fi',
    )
    expect(translateEventMessage(en, timelineMessage(outcome))).toBe(
      en('timeline.actionOutcome', { action: 'Neuvontaa hakemisesta', outcome: en('actionOutcome.done') }),
    )
  })

  test('the email’s step tells a resubmission, a return and a noted decision apart', () => {
    const step = (
      from: StoredReportEvent['from_status'],
      to: StoredReportEvent['to_status'],
      decision = null as never,
    ) => eventStep(presentReportEvent({ ...stored, from_status: from, to_status: to, decision }, 'fi'), 'in_review')
    expect(step('changes_requested', 'submitted')).toBe('resubmitted')
    expect(step('on_agenda', 'forwarded', 'returned' as never)).toBe('returned')
    expect(step('on_agenda', 'forwarded', 'tabled' as never)).toBe('tabled')
    expect(step('on_agenda', 'decided', 'noted' as never)).toBe('noted')
    expect(step('in_review', null)).toBe('in_review')
  })
})
