import { describe, expect, test } from 'vitest'
import {
  type Actor,
  availableTransitions,
  canTransition,
  findTransition,
  isEditable,
  reportStatuses,
  transitions,
} from './report-status.ts'

const author: Actor = { roles: ['worker'], isAuthor: true, leadsReportTeam: false }
const otherWorker: Actor = { roles: ['worker'], isAuthor: false, leadsReportTeam: false }
const lead: Actor = { roles: ['team_lead'], isAuthor: false, leadsReportTeam: true }
const otherTeamLead: Actor = { roles: ['team_lead'], isAuthor: false, leadsReportTeam: false }
const coordinator: Actor = { roles: ['coordinator'], isAuthor: false, leadsReportTeam: false }
const member: Actor = { roles: ['committee_member'], isAuthor: false, leadsReportTeam: false }
const admin: Actor = { roles: ['admin'], isAuthor: false, leadsReportTeam: false }

const actors = { author, otherWorker, lead, otherTeamLead, coordinator, member, admin }

/** Every allowed move, written out by hand from DESIGN.md; anything not listed must be refused. */
const allowed: [keyof typeof actors, string, string][] = [
  ['author', 'draft', 'submitted'],
  ['author', 'changes_requested', 'submitted'],
  ['author', 'draft', 'withdrawn'],
  ['author', 'submitted', 'withdrawn'],
  ['author', 'in_review', 'withdrawn'],
  ['author', 'changes_requested', 'withdrawn'],
  ['lead', 'submitted', 'in_review'],
  ['lead', 'in_review', 'changes_requested'],
  ['lead', 'in_review', 'closed'],
  ['lead', 'in_review', 'forwarded'],
  ['coordinator', 'decided', 'closed'],
  ['coordinator', 'in_welfare_report', 'closed'],
]

describe('canTransition', () => {
  const cases = Object.keys(actors).flatMap((name) =>
    reportStatuses.flatMap((from) => reportStatuses.map((to) => [name as keyof typeof actors, from, to] as const)),
  )
  test.each(cases)('%s: %s → %s', (name, from, to) => {
    const expected = allowed.some(([a, f, t]) => a === name && f === from && t === to)
    expect(canTransition(actors[name], from, to)).toBe(expected)
  })
})

test('agendas, decisions and welfare-report sections alone move reports on from forwarding', () => {
  expect(findTransition('forwarded', 'on_agenda')?.via).toBe('meeting')
  expect(findTransition('on_agenda', 'decided')?.via).toBe('meeting')
  expect(findTransition('on_agenda', 'forwarded')?.via).toBe('meeting')
  expect(findTransition('decided', 'in_welfare_report')?.via).toBe('welfare_report')
  expect(findTransition('in_review', 'forwarded')?.via).toBeUndefined()
  expect(transitions.filter((rule) => rule.via).length).toBe(4)
  for (const actor of Object.values(actors)) {
    expect(availableTransitions(actor, 'forwarded')).toEqual([])
    expect(availableTransitions(actor, 'on_agenda')).toEqual([])
  }
})

test('nothing leaves a withdrawn report, and a closed one only stays closed', () => {
  for (const actor of Object.values(actors)) {
    expect(availableTransitions(actor, 'withdrawn')).toEqual([])
    expect(availableTransitions(actor, 'closed')).toEqual([])
  }
})

test('requests for changes need a comment, closing a resolution, forwarding a committee', () => {
  expect(transitions.find((t) => t.to === 'changes_requested')?.needs).toBe('comment')
  expect(transitions.filter((t) => t.to === 'closed').every((t) => t.needs === 'resolution')).toBe(true)
  expect(transitions.find((t) => t.to === 'forwarded' && t.from === 'in_review')?.needs).toBe('committee')
})

test('only drafts and reports sent back for changes are editable', () => {
  expect(reportStatuses.filter(isEditable)).toEqual(['draft', 'changes_requested'])
})
