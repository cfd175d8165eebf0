import { describe, expect, test } from 'vitest'
import { formatDate, formatDateTime, locales, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { type EmailMessage, type ReportUpdate } from './messages.ts'
import { renderEmail } from './render.server.ts'

const hostile = '<script>alert(1)</script>'
const title = `Nuorten ensimmäinen vuokra-asunto ${hostile}`
const reportUrl = 'https://raportointi.example.fi/reports/7d0c2a4e-5b1f-4f8e-9a63-2f0e6c1d9b11'
const settingsUrl = 'https://raportointi.example.fi/settings'

function update(event: Partial<ReportUpdate['event']>, reason: ReportUpdate['reason'] = 'author'): ReportUpdate {
  const toStatus = event.toStatus ?? null
  return {
    report: { title, url: reportUrl, status: toStatus ?? 'in_review' },
    event: {
      type: 'status_changed',
      fromStatus: null,
      toStatus: null,
      comment: null,
      resolution: null,
      committee: null,
      phenomenon: null,
      decision: null,
      action: null,
      welfareReport: null,
      recipient: null,
      followUp: null,
      actorName: 'Matti Esimies',
      at: '2025-03-04T08:15:00Z',
      ...event,
    },
    reason,
  }
}

function notification(u: ReportUpdate): EmailMessage {
  return { kind: 'notification', recipientName: 'Maija', settingsUrl, ...u }
}

interface Case {
  name: string
  message: EmailMessage
  /** The main link of the email. */
  link: string
  /** The email's button: its label and where it goes. */
  button?: { label: MessageKey; href: string }
  /** Text the reader must find in the plain-text part (a comment, a reason, a name). */
  mustRead: string[]
  /** Catalog texts (already in the recipient's language) the subject must contain besides the raw values. */
  subject: (locale: Locale) => string[]
}

const status = (key: ReportUpdate['report']['status']) => (locale: Locale) => [
  title,
  translate(locale, `status.${key}`),
]

const cases: Case[] = [
  {
    name: 'changes requested, to the author',
    message: notification(
      update({
        fromStatus: 'in_review',
        toStatus: 'changes_requested',
        comment: `Kerro, missä kunnissa ilmiö näkyy.\nLisää arvio asiakasmäärästä. ${hostile}`,
      }),
    ),
    link: reportUrl,
    mustRead: ['Kerro, missä kunnissa ilmiö näkyy.\n', 'Lisää arvio asiakasmäärästä.', 'Matti Esimies'],
    subject: status('changes_requested'),
  },
  {
    name: 'closed with a resolution, to the author',
    message: notification(
      update({
        fromStatus: 'in_review',
        toStatus: 'closed',
        resolution: 'resolved_in_team',
        comment: 'Sovimme tiimissä yhteisestä käytännöstä.',
      }),
    ),
    link: reportUrl,
    mustRead: ['Sovimme tiimissä yhteisestä käytännöstä.'],
    subject: status('closed'),
  },
  {
    name: 'decided, to a follower',
    message: notification(
      update(
        {
          fromStatus: 'on_agenda',
          toStatus: 'decided',
          committee: 'Sosiaali- ja terveyslautakunta',
          comment: 'Lautakunta päätti selvittää neuvontapisteen.',
        },
        'follower',
      ),
    ),
    link: reportUrl,
    mustRead: ['Lautakunta päätti selvittää neuvontapisteen.', 'Sosiaali- ja terveyslautakunta'],
    subject: status('decided'),
  },
  {
    name: 'noted for information by the committee, to the author',
    message: notification(
      update({
        fromStatus: 'on_agenda',
        toStatus: 'decided',
        decision: 'noted',
        committee: 'Perusturvalautakunta',
        comment: 'Lautakunta merkitsi selvityksen tiedoksi.',
      }),
    ),
    link: reportUrl,
    mustRead: ['Lautakunta merkitsi selvityksen tiedoksi.', 'Perusturvalautakunta'],
    subject: status('decided'),
  },
  {
    name: 'a proposed action accepted, to the author',
    message: notification(
      update({
        type: 'action_outcome',
        toStatus: null,
        action: { description: `Perustetaan nuorten asumisneuvonta ${hostile}`, outcome: 'accepted' },
        comment: 'Rahoitus löytyi talousarviosta.',
      }),
    ),
    link: reportUrl,
    mustRead: ['Perustetaan nuorten asumisneuvonta', 'Rahoitus löytyi talousarviosta.'],
    subject: () => [title],
  },
  {
    name: 'included in the welfare report, with a link to the section',
    message: notification(
      update({
        fromStatus: 'decided',
        toStatus: 'in_welfare_report',
        welfareReport: {
          title: 'Hyvinvointikertomus 2026',
          section: `Asuminen ${hostile}`,
          url: 'https://raportointi.example.fi/welfare-reports/1b2c#section-3d4e',
        },
      }),
    ),
    link: 'https://raportointi.example.fi/welfare-reports/1b2c#section-3d4e',
    button: {
      label: 'email.openWelfareReport',
      href: 'https://raportointi.example.fi/welfare-reports/1b2c#section-3d4e',
    },
    mustRead: ['Hyvinvointikertomus 2026', 'Asuminen'],
    subject: status('in_welfare_report'),
  },
  {
    name: 'submitted, to the team lead',
    message: notification(
      update({ fromStatus: 'draft', toStatus: 'submitted', actorName: 'Maija Työntekijä' }, 'team_lead'),
    ),
    link: reportUrl,
    mustRead: ['Maija Työntekijä'],
    subject: status('submitted'),
  },
  {
    name: 'forwarded, to the coordinator',
    message: notification(
      update(
        {
          fromStatus: 'in_review',
          toStatus: 'forwarded',
          committee: 'Hyvinvointilautakunta',
          comment: 'Koskee koko aluetta.',
        },
        'coordinator',
      ),
    ),
    link: reportUrl,
    mustRead: ['Hyvinvointilautakunta', 'Koskee koko aluetta.'],
    subject: status('forwarded'),
  },
  {
    name: 'linked to a phenomenon, to the author',
    message: notification(update({ type: 'phenomenon_linked', phenomenon: `Nuorten asumisen katkokset ${hostile}` })),
    link: reportUrl,
    mustRead: ['Nuorten asumisen katkokset'],
    subject: () => [title, `Nuorten asumisen katkokset ${hostile}`],
  },
  {
    name: 'daily digest',
    message: {
      kind: 'digest',
      recipientName: `Maija ${hostile}`,
      date: '2025-03-04',
      notificationsUrl: 'https://raportointi.example.fi/notifications',
      settingsUrl,
      updates: [
        update({ fromStatus: 'in_review', toStatus: 'changes_requested', comment: 'Täydennä kuntatiedot.' }),
        update({ fromStatus: 'on_agenda', toStatus: 'decided', comment: 'Merkittiin tiedoksi.' }, 'follower'),
      ],
    },
    link: reportUrl,
    button: { label: 'email.digest.all', href: 'https://raportointi.example.fi/notifications' },
    mustRead: ['Täydennä kuntatiedot.', 'Merkittiin tiedoksi.', `${title}\n${reportUrl}`],
    subject: (locale) => [formatDate(locale, new Date('2025-03-04T12:00:00Z')), '2'],
  },
  {
    name: 'invitation',
    message: {
      kind: 'invitation',
      recipientName: 'Maija',
      inviterName: `Pia Pääkäyttäjä ${hostile}`,
      organisationName: 'Pohjanmaan hyvinvointialue',
      url: 'https://raportointi.example.fi/invitations/abc123',
      expiresAt: '2025-03-11T08:15:00Z',
    },
    link: 'https://raportointi.example.fi/invitations/abc123',
    button: { label: 'email.invitation.button', href: 'https://raportointi.example.fi/invitations/abc123' },
    mustRead: ['Pia Pääkäyttäjä', 'Pohjanmaan hyvinvointialue'],
    subject: (locale) => ['Pohjanmaan hyvinvointialue', translate(locale, 'app.name')],
  },
  {
    name: 'weekly reminder of overdue follow-ups',
    message: {
      kind: 'follow_up_reminder',
      recipientName: 'Pauli Palvelualuejohtaja',
      boardUrl: 'https://raportointi.example.fi/follow-ups?overdue=true',
      settingsUrl,
      followUps: [
        {
          title: `Selvitys omaishoidon sijaishoidosta ${hostile}`,
          url: 'https://raportointi.example.fi/follow-ups/0b7f3c2e-8d4a-4f61-9c1e-5a2b7d9e4f10',
          targetDate: '2027-03-31',
          status: 'in_progress',
          progress: 40,
          responsible: 'Perusturvalautakunta · Pauli Palvelualuejohtaja',
        },
      ],
    },
    link: 'https://raportointi.example.fi/follow-ups/0b7f3c2e-8d4a-4f61-9c1e-5a2b7d9e4f10',
    button: { label: 'followUps.email.board', href: 'https://raportointi.example.fi/follow-ups?overdue=true' },
    mustRead: ['Selvitys omaishoidon sijaishoidosta', 'Perusturvalautakunta · Pauli Palvelualuejohtaja'],
    subject: (locale) => [translate(locale, 'followUps.email.subject', { count: 1 })],
  },
  {
    name: 'password reset',
    message: {
      kind: 'password_reset',
      recipientName: `Maija ${hostile}`,
      url: 'https://raportointi.example.fi/reset-password/def456',
      expiresAt: '2025-03-04T09:15:00Z',
    },
    link: 'https://raportointi.example.fi/reset-password/def456',
    button: { label: 'email.passwordReset.button', href: 'https://raportointi.example.fi/reset-password/def456' },
    mustRead: [],
    subject: (locale) => [translate(locale, 'app.name')],
  },
]

describe.each(cases)(
  '$name',
  ({ message, link, button = { label: 'email.openReport', href: link }, mustRead, subject }) => {
    test.each(locales)('in %s', async (locale) => {
      const email = await renderEmail(message, locale)

      for (const part of subject(locale)) expect(email.subject).toContain(part)

      expect(email.html).toMatch(new RegExp(`<html[^>]* lang="${locale}"`))
      expect(email.html).toContain(`href="${link}"`)
      expect(email.html).not.toContain('<script>')
      expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')

      // The plain-text part names each link beside its address and carries no markup of its own.
      expect(email.text).toContain(link)
      expect(email.text).toContain(`${translate(locale, button.label)}: ${button.href}`)
      for (const part of mustRead) expect(email.text).toContain(part)
      expect(email.text).not.toMatch(/&(lt|gt|amp|quot|#\d+);|<a |<p |<span/)
      if ('expiresAt' in message) expect(email.text).toContain(formatDateTime(locale, message.expiresAt))
      if ('settingsUrl' in message) expect(email.text).toContain(settingsUrl)
    })
  },
)

test.each(locales)(
  'the reset email in %s says a new password signs out other sessions and revokes API tokens',
  async (locale) => {
    const message: EmailMessage = {
      kind: 'password_reset',
      recipientName: 'Maija',
      url: 'https://raportointi.example.fi/reset-password/def456',
      expiresAt: '2025-03-04T09:15:00Z',
    }
    expect((await renderEmail(message, locale)).text).toContain(translate(locale, 'email.passwordReset.endsAccess'))
  },
)

test('a digest of one update says so in the subject', async () => {
  const message: EmailMessage = {
    kind: 'digest',
    recipientName: 'Maija',
    date: '2025-03-04',
    notificationsUrl: 'https://raportointi.example.fi/notifications',
    settingsUrl,
    updates: [update({ toStatus: 'in_review' })],
  }
  expect((await renderEmail(message, 'fi')).subject).toBe('Päivän kooste 4.3.2025: 1 muutos raporteissa')
})
