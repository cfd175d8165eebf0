import { z } from 'zod'
import { contributionForums, contributionTextLimit } from './contributions.ts'

export const ContributionSchema = z.object({
  forum: z.enum(contributionForums, { error: 'contributors.validation.forum' }),
  text: z
    .string()
    .trim()
    .min(1, 'contributors.validation.textRequired')
    .max(contributionTextLimit, 'contributors.validation.textTooLong'),
})
export type ContributionInput = z.infer<typeof ContributionSchema>
