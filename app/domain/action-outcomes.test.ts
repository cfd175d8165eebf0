import { describe, expect, test } from 'vitest'
import { isMessageKey } from '#app/utils/i18n.ts'
import {
  acceptsOutcomes,
  actionFormId,
  ActionOutcomeSchema,
  canAddPhenomenonAction,
  canRecordOutcome,
  PhenomenonActionSchema,
} from './action-outcomes.ts'
import { type Actor, reportStatuses } from './report-status.ts'

const actor = (overrides: Partial<Actor>): Actor => ({
  roles: ['worker'],
  isAuthor: false,
  leadsReportTeam: false,
  ...overrides,
})
const coordinator = actor({ roles: ['coordinator'] })
const ownLead = actor({ roles: ['team_lead'], leadsReportTeam: true })
const otherLead = actor({ roles: ['team_lead'] })
const author = actor({ roles: ['worker'], isAuthor: true })
const member = actor({ roles: ['committee_member'] })
const actionId = '0b8f1a52-4a8c-4d7e-9b0e-4f3f2c1d5e6a'

describe('who records an outcome, and when', () => {
  test('outcomes make sense once a report has been forwarded, and not before', () => {
    expect(reportStatuses.filter(acceptsOutcomes)).toEqual([
      'forwarded',
      'on_agenda',
      'decided',
      'in_welfare_report',
      'closed',
    ])
  })

  test('coordinators decide on any report action; a team lead only on their own teams’ reports', () => {
    const decided = { kind: 'report', status: 'decided' } as const
    expect(canRecordOutcome(coordinator, decided)).toBe(true)
    expect(canRecordOutcome(ownLead, decided)).toBe(true)
    expect(canRecordOutcome(otherLead, decided)).toBe(false)
    expect(canRecordOutcome(author, decided)).toBe(false)
    expect(canRecordOutcome(member, decided)).toBe(false)
  })

  test('not even a coordinator decides on an action still in the team’s hands', () => {
    for (const status of ['draft', 'submitted', 'in_review', 'changes_requested', 'withdrawn'] as const) {
      expect(canRecordOutcome(coordinator, { kind: 'report', status }), status).toBe(false)
      expect(canRecordOutcome(ownLead, { kind: 'report', status }), status).toBe(false)
    }
  })

  test('a phenomenon’s actions belong to no team: only coordinators decide on them and add them', () => {
    expect(canRecordOutcome(coordinator, { kind: 'phenomenon' })).toBe(true)
    expect(canRecordOutcome(ownLead, { kind: 'phenomenon' })).toBe(false)
    expect(canAddPhenomenonAction(['coordinator'])).toBe(true)
    expect(canAddPhenomenonAction(['team_lead', 'committee_member', 'admin'])).toBe(false)
  })
})

describe('the outcome form', () => {
  test('takes an outcome and a trimmed reason', () => {
    expect(
      ActionOutcomeSchema.parse({ proposedActionId: actionId, outcome: 'adapted', reason: '  Osittain.  ' }),
    ).toEqual({ proposedActionId: actionId, outcome: 'adapted', reason: 'Osittain.' })
  })

  test('says what is missing in the user’s language', () => {
    const result = ActionOutcomeSchema.safeParse({ proposedActionId: 'x', outcome: 'maybe', reason: '   ' })
    expect(result.success).toBe(false)
    const messages = Object.fromEntries(
      result.error!.issues.map((issue) => [String(issue.path[0]), issue.message] as const),
    )
    expect(messages).toEqual({
      proposedActionId: 'validation.invalid',
      outcome: 'proposedActions.validation.outcomeRequired',
      reason: 'proposedActions.validation.reasonRequired',
    })
    for (const message of Object.values(messages)) expect(isMessageKey(message)).toBe(true)
    expect(
      ActionOutcomeSchema.safeParse({ proposedActionId: actionId, outcome: 'done' }).error?.issues[0]?.message,
    ).toBe('proposedActions.validation.reasonRequired')
  })

  test('a reason is at most 2000 characters', () => {
    const reason = (length: number) => ({ proposedActionId: actionId, outcome: 'done', reason: 'a'.repeat(length) })
    expect(ActionOutcomeSchema.safeParse(reason(2000)).success).toBe(true)
    expect(ActionOutcomeSchema.safeParse(reason(2001)).error?.issues[0]?.message).toBe('validation.tooLong')
  })

  test('each action’s form has its own id, so messages land beside the right form', () => {
    expect(actionFormId({ intent: 'outcome', proposedActionId: actionId })).toBe(`outcome:${actionId}`)
    expect(actionFormId({ intent: 'addAction' })).toBe('addAction')
  })
})

describe('a coordinator’s proposed action for a phenomenon', () => {
  test('needs a description and the level that could act', () => {
    expect(PhenomenonActionSchema.parse({ description: ' Kelan päivystysnumero. ', level: 'national' })).toEqual({
      description: 'Kelan päivystysnumero.',
      level: 'national',
    })
    const result = PhenomenonActionSchema.safeParse({ description: '', level: 'everyone' })
    const messages = result.error!.issues.map((issue) => issue.message)
    expect(messages).toEqual([
      'proposedActions.validation.descriptionRequired',
      'proposedActions.validation.levelRequired',
    ])
    for (const message of messages) expect(isMessageKey(message)).toBe(true)
    expect(
      PhenomenonActionSchema.safeParse({ description: 'a'.repeat(2001), level: 'team' }).error?.issues[0]?.message,
    ).toBe('validation.tooLong')
  })
})
