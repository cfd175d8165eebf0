import { Text } from '@react-email/components'
import { colors, paragraph } from './theme.ts'

export interface Fact {
  label: string
  value: string
}

/** Label–value lines ("Status: Closed") that read the same in HTML and in the plain-text part. */
export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <Text style={{ ...paragraph, borderTop: `1px solid ${colors.border}`, paddingTop: '12px' }}>
      {facts.map((fact, index) => (
        <span key={fact.label}>
          {index > 0 ? <br /> : null}
          <strong>{fact.label}:</strong> {fact.value}
        </span>
      ))}
    </Text>
  )
}
