import { describe, expect, test } from 'vitest'
import { allReportsLink, reportListPath, reportScopeFor } from './report-visibility.ts'

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

describe('where the home page leads', () => {
  test('a count leads to the list that holds those reports', () => {
    expect(reportListPath(['worker'], 'submitted')).toBe('/reports?status=submitted')
    expect(reportListPath(['worker', 'team_lead'], 'in_review')).toBe('/review?status=in_review')
    expect(reportListPath(['worker', 'team_lead'], 'draft')).toBe('/reports?status=draft')
    expect(reportListPath(['coordinator'], 'forwarded')).toBe('/review?status=forwarded')
    expect(reportListPath(['committee_member'], 'decided')).toBe('/reports?status=decided')
  })

  test("a lead's all-reports link opens the team's reports, a worker's their own", () => {
    expect(allReportsLink(['worker', 'team_lead'])).toEqual({ path: '/review', label: 'team' })
    expect(allReportsLink(['worker'])).toEqual({ path: '/reports', label: 'own' })
    expect(allReportsLink(['coordinator'])).toEqual({ path: '/reports', label: 'all' })
  })
})
