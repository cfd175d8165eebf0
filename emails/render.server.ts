import { render, toPlainText } from '@react-email/render'
import { createElement, type ReactElement } from 'react'
import { getTranslate, type Locale } from '#app/utils/i18n.ts'
import { linkBelowInText } from './components/theme.ts'
import { DigestEmail, digestSubject } from './digest.tsx'
import { FollowUpReminderEmail, followUpReminderSubject } from './follow-up-reminder.tsx'
import { InvitationEmail, invitationSubject } from './invitation.tsx'
import { type EmailMessage, type RenderedEmail } from './messages.ts'
import { MemberRequestEmail, memberRequestSubject } from './member-request.tsx'
import { PartnerRequestEmail, partnerRequestSubject } from './partner-request.tsx'
import { PasswordResetEmail, passwordResetSubject } from './password-reset.tsx'
import { ReportUpdateEmail, reportUpdateSubject } from './report-update.tsx'

/** The parts of html-to-text's API used here (its types do not ship with @react-email/render). */
interface TextElement {
  attribs?: Record<string, string>
  children: unknown[]
}
interface TextBuilder {
  addInline(text: string, options?: { noWordTransform?: boolean }): void
  addLineBreak(): void
  pushWordTransform(transform: (word: string) => string): void
  popWordTransform(): void
}

/**
 * Writes every link as "label: https://…" so a reader of the plain-text part sees where it goes and mail clients
 * can make the address clickable; a link whose label is its own address is written once. A link marked with
 * `linkBelowInText` (a linked heading) puts its address on the next line instead.
 */
function formatLabelledLink(
  elem: TextElement,
  walk: (nodes: unknown[], builder: TextBuilder) => void,
  builder: TextBuilder,
) {
  const href = elem.attribs?.href ?? ''
  let label = ''
  builder.pushWordTransform((word) => {
    label += word
    return word
  })
  walk(elem.children, builder)
  builder.popWordTransform()
  if (!href || label === href) return
  if (label && elem.attribs?.[linkBelowInText] !== undefined) {
    builder.addLineBreak()
    builder.addInline(href, { noWordTransform: true })
  } else {
    builder.addInline(label ? `: ${href}` : href, { noWordTransform: true })
  }
}

const plainTextOptions = {
  formatters: { labelledLink: formatLabelledLink },
  selectors: [
    { selector: 'a', format: 'labelledLink' },
    { selector: 'h2', options: { uppercase: false } },
  ],
}

function compose(message: EmailMessage, locale: Locale): { subject: string; element: ReactElement } {
  const t = getTranslate(locale)
  switch (message.kind) {
    case 'notification': {
      const subject = reportUpdateSubject(t, message)
      return { subject, element: createElement(ReportUpdateEmail, { message, locale, subject }) }
    }
    case 'digest': {
      const subject = digestSubject(t, locale, message)
      return { subject, element: createElement(DigestEmail, { message, locale, subject }) }
    }
    case 'invitation': {
      const subject = invitationSubject(t, message)
      return { subject, element: createElement(InvitationEmail, { message, locale, subject }) }
    }
    case 'password_reset': {
      const subject = passwordResetSubject(t)
      return { subject, element: createElement(PasswordResetEmail, { message, locale, subject }) }
    }
    case 'partner_request':
    case 'partner_reminder': {
      const subject = partnerRequestSubject(t, message)
      return { subject, element: createElement(PartnerRequestEmail, { message, locale, subject }) }
    }
    case 'member_request': {
      const subject = memberRequestSubject(t, message)
      return { subject, element: createElement(MemberRequestEmail, { message, locale, subject }) }
    }
    case 'follow_up_reminder': {
      const subject = followUpReminderSubject(t, message)
      return { subject, element: createElement(FollowUpReminderEmail, { message, locale, subject }) }
    }
  }
}

/**
 * Renders one email in the recipient's language: subject, HTML and a plain-text part made from the same HTML.
 * Every value reaches the HTML as a React text child, so user-written text is always escaped.
 */
export async function renderEmail(message: EmailMessage, locale: Locale): Promise<RenderedEmail> {
  const { subject, element } = compose(message, locale)
  const html = await render(element)
  const text = toPlainText(html, plainTextOptions).trim()
  return { subject, html, text }
}
