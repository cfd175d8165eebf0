import { Heading, Text } from '@react-email/components'
import { type SentMatterMessage } from '#emails/messages.ts'
import { type Translate } from '#app/utils/i18n.ts'
import { Quote } from './quote.tsx'
import { colors, paragraph } from './theme.ts'

/** What was sent on, as every request to answer it shows it: title, description, proposed actions, covering note. */
export function SentMatter({ t, message }: { t: Translate; message: SentMatterMessage }) {
  const { matter } = message
  return (
    <>
      <Heading as="h2" style={{ fontSize: '20px', lineHeight: '28px', margin: '0 0 8px', color: colors.text }}>
        {t(`email.partner.kind.${matter.kind}`)}: {matter.title}
      </Heading>
      {matter.description ? <Quote label={t('sending.description')} text={matter.description} /> : null}
      {matter.actions.length > 0 ? (
        <>
          <Text style={{ ...paragraph, margin: '0 0 4px', fontWeight: 700 }}>{t('sending.actions')}</Text>
          <ol style={{ margin: '0 0 16px', paddingLeft: '24px', color: colors.text }}>
            {matter.actions.map((action, index) => (
              <li key={index} style={{ fontSize: '16px', lineHeight: '24px' }}>
                {action}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {message.coveringNote ? <Quote label={t('sending.coveringNote')} text={message.coveringNote} /> : null}
    </>
  )
}
