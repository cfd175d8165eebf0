import { describe, expect, test } from 'vitest'
import { reportStatuses } from '#app/models/database.ts'
import {
  type Actor,
  availableTransitions,
  canTransition,
  isEditable,
  isFlowTransition,
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
  expect(isFlowTransition('meeting', 'forwarded', 'on_agenda')).toBe(true)
  expect(isFlowTransition('meeting', 'on_agenda', 'decided')).toBe(true)
  expect(isFlowTransition('meeting', 'on_agenda', 'forwarded')).toBe(true)
  expect(isFlowTransition('welfare_report', 'decided', 'in_welfare_report')).toBe(true)
  expect(isFlowTransition('meeting', 'decided', 'in_welfare_report')).toBe(false)
  expect(isFlowTransition('welfare_report', 'in_review', 'forwarded')).toBe(false)
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
