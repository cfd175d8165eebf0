import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import { type ReactNode } from 'react'
import { getTranslate, type Locale } from '#app/utils/i18n.ts'
import { colors, fontFamily, small } from './theme.ts'

export interface EmailLayoutProps {
  locale: Locale
  /** Also the document title, so a screen reader announces the same words as the inbox. */
  subject: string
  /** The line inboxes show beside the subject; left out of the plain-text part. */
  preview: string
  /** Why this person gets this email, in one sentence. */
  reason: string
  /** Where the recipient can turn these emails off; only for emails they can opt out of. */
  settingsUrl?: string
  children: ReactNode
}

/** The frame of every email: product name, content, and a footer that says why it came and how to stop it. */
export function EmailLayout({ locale, subject, preview, reason, settingsUrl, children }: EmailLayoutProps) {
  const t = getTranslate(locale)
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <title>{subject}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily, margin: 0, padding: '24px 0' }}>
        <Container
          style={{
            maxWidth: '600px',
            backgroundColor: colors.white,
            border: `1px solid ${colors.border}`,
            borderRadius: '6px',
          }}
        >
          <Section style={{ backgroundColor: colors.brandDark, borderRadius: '6px 6px 0 0', padding: '16px 24px' }}>
            <Text style={{ margin: 0, fontSize: '18px', lineHeight: '24px', fontWeight: 700, color: colors.white }}>
              {t('app.name')}
            </Text>
          </Section>
          <Section style={{ padding: '24px 24px 8px' }}>{children}</Section>
          <Hr style={{ borderColor: colors.border, margin: '0' }} />
          <Section style={{ padding: '16px 24px 8px' }}>
            <Text style={small}>{reason}</Text>
            {settingsUrl ? (
              <Text style={small}>
                <Link href={settingsUrl} style={{ color: colors.brand, textDecorationLine: 'underline' }}>
                  {t('email.settingsLink')}
                </Link>
              </Text>
            ) : null}
            <Text style={small}>{t('email.automatic')}</Text>
            <Text style={small}>{t('app.footer')}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  )
}
