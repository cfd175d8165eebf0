import { describe, expect, test } from 'vitest'
import { notificationReason, type Stakeholder } from './notifications.ts'

const nobody: Stakeholder = {
  isActor: false,
  isAuthor: false,
  leadsReportTeam: false,
  isCoordinator: false,
  follows: false,
}

describe('who hears about a report event', () => {
  test.each([
    ['the reporter, of every step', { type: 'status_changed', toStatus: 'in_review' }, { isAuthor: true }, 'author'],
    ['the reporter, of a phenomenon link', { type: 'phenomenon_linked', toStatus: null }, { isAuthor: true }, 'author'],
    [
      'a lead, of a new report in their team',
      { type: 'status_changed', toStatus: 'submitted' },
      { leadsReportTeam: true },
      'team_lead',
    ],
    ['a lead, not of a later step', { type: 'status_changed', toStatus: 'forwarded' }, { leadsReportTeam: true }, null],
    [
      'a coordinator, of a forwarded report',
      { type: 'status_changed', toStatus: 'forwarded' },
      { isCoordinator: true },
      'coordinator',
    ],
    [
      'a coordinator, not of a new report',
      { type: 'status_changed', toStatus: 'submitted' },
      { isCoordinator: true },
      null,
    ],
    ['a follower, of anything', { type: 'status_changed', toStatus: 'closed' }, { follows: true }, 'follower'],
    [
      'nobody, of their own action',
      { type: 'status_changed', toStatus: 'submitted' },
      { isAuthor: true, isActor: true },
      null,
    ],
    [
      'nobody, of a draft being written',
      { type: 'created', toStatus: 'draft' },
      { isAuthor: true, follows: true },
      null,
    ],
    [
      'an author who also leads the team, as the author',
      { type: 'status_changed', toStatus: 'submitted' },
      { isAuthor: true, leadsReportTeam: true },
      'author',
    ],
    ['nobody else', { type: 'status_changed', toStatus: 'decided' }, {}, null],
  ] as const)('%s', (_, event, person, expected) => {
    expect(notificationReason(event, { ...nobody, ...person })).toBe(expected)
  })
})
