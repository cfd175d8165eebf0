import { Text } from '@react-email/components'
import { Fragment } from 'react'
import { colors, paragraph } from './theme.ts'

/** What a person wrote (a request, a reason, a decision), set apart from the email's own words. */
export function Quote({ label, text }: { label: string; text: string }) {
  // Line breaks as <br> rather than CSS, so they survive into the plain-text part and into clients that drop styles.
  const lines = text.split(/\r?\n/)
  return (
    <>
      <Text style={{ ...paragraph, margin: '0 0 4px', fontWeight: 700 }}>{label}</Text>
      <blockquote
        style={{
          margin: '0 0 16px',
          padding: '8px 16px',
          borderLeft: `4px solid ${colors.brand}`,
          backgroundColor: colors.brandLight,
        }}
      >
        <Text style={{ ...paragraph, margin: 0 }}>
          {lines.map((line, index) => (
            <Fragment key={index}>
              {index > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Text>
      </blockquote>
    </>
  )
}
