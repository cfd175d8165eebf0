import { Button, Link, Section, Text } from '@react-email/components'
import { type ReactNode } from 'react'
import { colors, small } from './theme.ts'

/**
 * The one action of an email. The address is repeated under the button for clients that block styled links;
 * the plain-text part prints it once, as "label: URL", instead.
 */
export function EmailButton({
  href,
  fallbackLabel,
  children,
}: {
  href: string
  fallbackLabel: string
  children: ReactNode
}) {
  return (
    <Section style={{ margin: '8px 0 24px' }}>
      <Button
        href={href}
        style={{
          backgroundColor: colors.brand,
          color: colors.white,
          borderRadius: '6px',
          fontSize: '16px',
          fontWeight: 700,
          padding: '12px 20px',
        }}
      >
        {children}
      </Button>
      <Text style={{ ...small, margin: '12px 0 0' }} data-skip-in-text="true">
        {fallbackLabel}{' '}
        <Link href={href} style={{ color: colors.brand, textDecorationLine: 'underline', wordBreak: 'break-all' }}>
          {href}
        </Link>
      </Text>
    </Section>
  )
}
