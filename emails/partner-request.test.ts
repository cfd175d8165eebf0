import { describe, expect, test } from 'vitest'
import { formatDateTime, locales, translate } from '#app/utils/i18n.ts'
import { type EmailMessage } from './messages.ts'
import { renderEmail } from './render.server.ts'

const hostile = '<script>alert(1)</script>'
const url = 'https://raportointi.example.fi/respond/abc123'

function request(kind: 'partner_request' | 'partner_reminder'): EmailMessage {
  return {
    kind,
    recipientName: 'Kela',
    organisationName: 'Pohjanmaan hyvinvointialue',
    matter: {
      kind: 'report',
      title: `Nuorten vuokrarästit ${hostile}`,
      description: 'Nuoret aikuiset menettävät ensimmäisen vuokra-asuntonsa.\nUseimmat vuoden sisällä.',
      actions: ['Perustetaan nuorten asumisneuvonta', 'Kela tarkentaa päätöskirjeitä'],
    },
    coveringNote: 'Pyydämme arviotanne päätöskirjeiden ohjeista.',
    sentAt: '2026-03-01T08:00:00Z',
    url,
    expiresAt: '2026-03-31T08:00:00Z',
  }
}

describe.each(locales)('a partner’s request in %s', (locale) => {
  test('names the organisation, carries what was sent and the single-use link, escaped', async () => {
    const email = await renderEmail(request('partner_request'), locale)
    expect(email.subject).toContain('Pohjanmaan hyvinvointialue')
    expect(email.subject).toContain('Nuorten vuokrarästit')
    expect(email.html).toMatch(new RegExp(`<html[^>]* lang="${locale}"`))
    expect(email.html).not.toContain('<script>')
    for (const part of [
      'Useimmat vuoden sisällä.',
      'Perustetaan nuorten asumisneuvonta',
      'Kela tarkentaa päätöskirjeitä',
      'Pyydämme arviotanne päätöskirjeiden ohjeista.',
      `${translate(locale, 'email.partner.button')}: ${url}`,
      formatDateTime(locale, '2026-03-31T08:00:00Z'),
    ]) {
      expect(email.text).toContain(part)
    }
    expect(email.text).not.toContain(translate(locale, 'email.partner.reminderNote'))
  })

  test('the reminder says so and that the earlier link no longer works', async () => {
    const email = await renderEmail(request('partner_reminder'), locale)
    expect(
      email.subject.startsWith(
        translate(locale, 'email.partner.reminderSubject', { organisation: '', title: '' }).slice(0, 5),
      ),
    ).toBe(true)
    expect(email.text).toContain(translate(locale, 'email.partner.reminderNote'))
    expect(email.text).toContain(url)
  })
})
