import { describe, expect, test } from 'vitest'
import {
  currentYearPeriod,
  guardFieldErrors,
  isIncludable,
  parseDashboardFilter,
  WelfareReportFormSchema,
  WelfareSectionFormSchema,
} from './welfare-report-form.ts'

describe('welfare report forms', () => {
  test('a period ends on or after its start, and the title is required and short', () => {
    expect(
      WelfareReportFormSchema.safeParse({ title: ' Kertomus ', periodStart: '2025-01-01', periodEnd: '2025-01-01' }),
    ).toMatchObject({ success: true, data: { title: 'Kertomus', introduction: '' } })
    const backwards = WelfareReportFormSchema.safeParse({
      title: 'K',
      periodStart: '2025-02-01',
      periodEnd: '2025-01-31',
    })
    expect(backwards.error?.issues).toEqual([
      expect.objectContaining({ path: ['periodEnd'], message: 'validation.periodOrder' }),
    ])
    const bad = WelfareReportFormSchema.safeParse({ title: '', periodStart: '2025-02-30', periodEnd: 'ensi vuonna' })
    expect(bad.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['title', 'welfare.validation.titleRequired'],
      ['periodStart', 'validation.date'],
      ['periodEnd', 'validation.date'],
    ])
    const distant = WelfareReportFormSchema.safeParse({
      title: 'K',
      periodStart: '0000-01-01',
      periodEnd: '2025-12-31',
    })
    expect(distant.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['periodStart', 'validation.dateYears'],
    ])
    expect(
      WelfareReportFormSchema.safeParse({ title: 'x'.repeat(201), periodStart: '2025-01-01', periodEnd: '2025-12-31' })
        .error?.issues[0]?.message,
    ).toBe('validation.tooLong')
  })

  test('a section may be limited to one § 11 category; its Markdown has a length limit', () => {
    expect(WelfareSectionFormSchema.parse({ title: 'Asuminen', category: 'housing' })).toEqual({
      title: 'Asuminen',
      category: 'housing',
      body: '',
    })
    expect(WelfareSectionFormSchema.parse({ title: 'Kaikki', category: '' }).category).toBeNull()
    expect(WelfareSectionFormSchema.safeParse({ title: 'X', category: 'castles' }).error?.issues[0]?.message).toBe(
      'validation.invalid',
    )
    expect(WelfareSectionFormSchema.safeParse({ title: 'X', body: 'a'.repeat(50_001) }).error?.issues[0]?.message).toBe(
      'validation.tooLong',
    )
    expect(WelfareSectionFormSchema.safeParse({ title: 'X', body: 'a'.repeat(50_000) }).success).toBe(true)
  })

  test('only decided reports and those already in the welfare report can be included', () => {
    expect(isIncludable('decided')).toBe(true)
    expect(isIncludable('in_welfare_report')).toBe(true)
    expect(isIncludable('on_agenda')).toBe(false)
    expect(isIncludable('closed')).toBe(false)
  })

  test('each field with a finding is marked once', () => {
    expect(
      guardFieldErrors([
        { field: 'body', kind: 'phone_number', fragment: '040 123 4567' },
        { field: 'body', kind: 'email_address', fragment: 'a@b.fi' },
        { field: 'title', kind: 'name', fragment: 'Matti' },
      ]),
    ).toEqual({ body: 'welfare.guard.field', title: 'welfare.guard.field' })
  })
})

describe('the dashboard filter', () => {
  test('defaults to the current calendar year in Finland', () => {
    // 23.30 on New Year's Eve in UTC is already the next year in Helsinki.
    expect(currentYearPeriod(new Date('2025-12-31T23:30:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    const parsed = parseDashboardFilter(new URLSearchParams(), new Date('2026-06-01T12:00:00Z'))
    expect(parsed).toEqual({
      ok: true,
      filter: { from: '2026-01-01', to: '2026-12-31', category: null, municipalityId: null },
      values: { from: '2026-01-01', to: '2026-12-31', category: '', municipalityId: '' },
    })
  })

  test('a malformed start is reported alone, not also as an end before the start', () => {
    const parsed = parseDashboardFilter(
      new URLSearchParams({ from: '2026-13-01', to: '2026-01-01' }),
      new Date('2026-06-01T12:00:00Z'),
    )
    expect(parsed).toMatchObject({ ok: false, fieldErrors: { from: 'validation.date' } })
    expect(parsed.ok ? null : parsed.fieldErrors.to).toBeUndefined()
    const report = WelfareReportFormSchema.safeParse({ title: 'K', periodStart: '2026-13-01', periodEnd: '2026-01-01' })
    expect(report.error?.issues.map((issue) => issue.path[0])).toEqual(['periodStart'])
  })

  test('keeps what was typed and names each problem', () => {
    const parsed = parseDashboardFilter(
      new URLSearchParams({ from: '', to: '2026-01-01', municipalityId: 'kuopio' }),
      new Date('2026-06-01T12:00:00Z'),
    )
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { from: 'validation.date', municipalityId: 'validation.invalid' },
      values: { from: '', to: '2026-01-01', category: '', municipalityId: 'kuopio' },
    })
  })
})
