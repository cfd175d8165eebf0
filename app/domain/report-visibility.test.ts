import { describe, expect, test } from 'vitest'
import { reportScopeFor } from './report-visibility.ts'

describe('reportScopeFor', () => {
  test('coordinators and admins see the whole organisation', () => {
    expect(reportScopeFor(['coordinator'])).toEqual({ kind: 'organisation' })
    expect(reportScopeFor(['worker', 'admin'])).toEqual({ kind: 'organisation' })
  })

  test('a worker sees only own reports', () => {
    expect(reportScopeFor(['worker'])).toEqual({
      kind: 'limited',
      ownReports: true,
      teamReports: false,
      committeeReports: false,
    })
  })

  test('a team lead sees own and team reports, a committee member what reached committees', () => {
    expect(reportScopeFor(['team_lead', 'committee_member'])).toEqual({
      kind: 'limited',
      ownReports: true,
      teamReports: true,
      committeeReports: true,
    })
  })

  test('no role sees nothing', () => {
    expect(reportScopeFor([])).toEqual({
      kind: 'limited',
      ownReports: false,
      teamReports: false,
      committeeReports: false,
    })
  })
})
