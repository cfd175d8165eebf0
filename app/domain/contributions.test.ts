import { describe, expect, test } from 'vitest'
import { contributorMayOpen, isContributor } from './roles.ts'
import { ContributionSchema } from './contribution-schema.ts'
import { furthestPublicStep } from './contributions.ts'

describe('contributions', () => {
  test('a contributor is told only the furthest public step, whatever else happened to the reports', () => {
    expect(furthestPublicStep([])).toBe('received')
    expect(furthestPublicStep(['draft', 'in_review', 'changes_requested'])).toBe('received')
    expect(furthestPublicStep(['forwarded', 'decided', 'closed'])).toBe('decided')
  })

  test('a contributor may open only their own pages', () => {
    expect(isContributor({ roles: ['contributor'] })).toBe(true)
    expect(isContributor({ roles: ['worker'] })).toBe(false)
    expect(contributorMayOpen('/contribute')).toBe(true)
    expect(contributorMayOpen('/contribute/phenomenon/x')).toBe(true)
    expect(contributorMayOpen('/contributed')).toBe(false)
    expect(contributorMayOpen('/reports')).toBe(false)
  })

  test('an empty view is refused with a plain message, and the forum must be one of the list', () => {
    const empty = ContributionSchema.safeParse({ forum: 'asiakasraati', text: '  ' })
    expect(empty.success ? null : empty.error.issues[0]!.message).toBe('contributors.validation.textRequired')
    expect(ContributionSchema.safeParse({ forum: 'lautakunta', text: 'x' }).success).toBe(false)
  })
})
