import { z } from 'zod'

/** What an admin asks to remove: the exact fragment as it stands in the report, and why (recorded in the history). */
export const RedactionSchema = z.object({
  reportId: z.uuid({ error: 'privacy.redact.reportIdInvalid' }),
  fragment: z
    .string({ error: 'privacy.redact.fragmentRequired' })
    .trim()
    .min(1, 'privacy.redact.fragmentRequired')
    .max(2000, 'validation.tooLong'),
  reason: z
    .string({ error: 'privacy.redact.reasonRequired' })
    .trim()
    .min(1, 'privacy.redact.reasonRequired')
    .max(2000, 'validation.tooLong'),
})

export type Redaction = z.output<typeof RedactionSchema>

/** The text with every occurrence of the fragment replaced, and how many there were. */
export function redactText(text: string, fragment: string, placeholder: string): { text: string; count: number } {
  const parts = text.split(fragment)
  return { text: parts.join(placeholder), count: parts.length - 1 }
}

/**
 * The guard's stored findings that do not quote the removed text: a finding overlapping the fragment would keep
 * the identifying text it quotes after the report itself no longer holds it.
 */
export function findingsAfterRedaction<Finding extends { fragment: string }>(
  findings: readonly Finding[],
  fragment: string,
): Finding[] {
  return findings.filter((finding) => !finding.fragment.includes(fragment) && !fragment.includes(finding.fragment))
}
