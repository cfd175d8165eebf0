import { type z } from 'zod'
import { isMessageKey, type MessageKey } from './i18n.ts'
import { unstorableFields } from './storable-text.ts'

export type FieldErrors = Partial<Record<string, MessageKey>>

export type FormResult<T> =
  { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string | string[]> }

/** Every value typed into the form, so a failed submission can be shown again with nothing lost. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  for (const key of new Set(formData.keys())) {
    if (key === 'csrf' || key.toLowerCase().includes('password')) continue
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string')
    values[key] = all.length === 1 ? all[0]! : all
  }
  return values
}

export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
  arrayFields: readonly string[] = [],
  derived: Record<string, unknown> = {},
): FormResult<z.infer<Schema>> {
  const input: Record<string, unknown> = { ...derived }
  for (const key of new Set(formData.keys())) {
    if (key in derived) continue
    input[key] = arrayFields.includes(key) ? formData.getAll(key) : formData.get(key)
  }
  for (const key of arrayFields) input[key] ??= []
  const result = schema.safeParse(input)
  const unstorable = unstorableFields(formData)
  if (result.success && unstorable.length === 0) return { ok: true, data: result.data }
  const fieldErrors = result.success ? {} : fieldErrorsFrom(result.error.issues)
  for (const field of unstorable) fieldErrors[field] = 'validation.unstorableText'
  return { ok: false, fieldErrors, values: formValues(formData) }
}

/** Zod messages in our schemas are catalog keys; anything else becomes a generic invalid-value message. */
export function messageKeyOf(issue: z.core.$ZodIssue): MessageKey {
  return isMessageKey(issue.message) ? issue.message : 'validation.invalid'
}

/** The first problem of each top-level field. */
export function fieldErrorsFrom(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fieldErrors: FieldErrors = {}
  for (const issue of issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= messageKeyOf(issue)
  return fieldErrors
}

type FormOutcome = { fieldErrors?: FieldErrors; values?: Record<string, unknown> } | undefined

export function fieldErrorsOf(result: FormOutcome): FieldErrors {
  return result?.fieldErrors ?? {}
}

/** The text typed into a field of a failed submission, if any. */
export function typedValueOf(result: FormOutcome, field: string): string | undefined {
  const value = result?.values?.[field]
  return typeof value === 'string' ? value : undefined
}

/** A submitted or loaded value shown again in a multi-choice field. */
export function listValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' ? [value] : []
}

/** A submitted or loaded value shown again in a text field. */
export function textValue(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** A checkbox is ticked when the loaded value is true or the submitted form carried it. */
export function isChecked(value: unknown): boolean {
  return value === true || value === 'on'
}
