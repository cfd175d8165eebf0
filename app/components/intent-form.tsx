import { Form, type FormProps } from '@remix-run/react'
import { type ReactNode } from 'react'
import { CsrfInput } from './csrf-input.tsx'

/**
 * A posted form of a page with several: it carries the CSRF token and says what it is for (its intent, read first by
 * the route's action), with any further fixed values the intent needs, such as the id of the row it acts on.
 */
export function IntentForm({
  intent,
  fields = {},
  children,
  ...form
}: Omit<FormProps, 'method'> & { intent: string; fields?: Record<string, string> }) {
  return (
    <Form method="post" {...form}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  )
}

const spacings = {
  compact: { form: 'flex flex-wrap items-end gap-2', field: 'min-w-56 flex-1' },
  roomy: { form: 'flex flex-wrap items-end gap-3', field: 'min-w-64 flex-1' },
}

/** One field and its button beside it, lined up with the field's box; on a narrow screen the button wraps under it. */
export function FieldAndButtonForm({
  intent,
  spacing,
  button,
  children,
}: {
  intent: string
  spacing: keyof typeof spacings
  button: ReactNode
  children: ReactNode
}) {
  return (
    <IntentForm intent={intent} className={spacings[spacing].form}>
      <div className={spacings[spacing].field}>{children}</div>
      {button}
    </IntentForm>
  )
}
