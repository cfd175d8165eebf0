import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId } from 'react'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export function FieldError({ id, error }: { id: string; error?: MessageKey }) {
  const { t } = useI18n()
  if (!error) return null
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-red-800">
      {t(error)}
    </p>
  )
}

interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
  className: string
}

/** Label, help text and error around one control, wired together for screen readers. */
function LabelledField({
  fieldId,
  label,
  description,
  error,
  control,
}: {
  /** A fixed id for a control something links to (an error summary); otherwise one is generated. */
  fieldId?: string
  label: string
  description?: string
  error?: MessageKey
  control: (props: ControlProps) => ReactNode
}) {
  const generatedId = useId()
  const id = fieldId ?? generatedId
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean)
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {description ? (
        <p id={`${id}-description`} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy.length ? describedBy.join(' ') : undefined,
        className: `mt-1 block w-full rounded-md border-2 bg-white px-3 py-2 ${error ? 'border-red-700' : 'border-slate-400'}`,
      })}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

type FieldProps = { name: string; label: string; error?: MessageKey; description?: string }

export function TextField({
  id,
  label,
  error,
  description,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return (
    <LabelledField
      fieldId={id}
      label={label}
      error={error}
      description={description}
      control={(props) => <input {...props} {...input} />}
    />
  )
}

/** Says which password it is, so password managers fill the current one and offer to store a new one. */
export function PasswordField({
  name,
  purpose,
  ...field
}: FieldProps & { purpose: 'current' | 'new'; required?: boolean }) {
  return <TextField name={name} type="password" autoComplete={`${purpose}-password`} {...field} />
}

export function TextArea({
  id,
  label,
  error,
  description,
  rows = 5,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <LabelledField
      fieldId={id}
      label={label}
      error={error}
      description={description}
      control={(props) => <textarea rows={rows} {...props} {...textarea} />}
    />
  )
}

export function SelectField({
  id: fieldId,
  label,
  name,
  options,
  defaultValue,
  error,
}: {
  id?: string
  label: string
  name: string
  options: { value: string; label: string }[]
  defaultValue?: string
  error?: MessageKey
}) {
  const generatedId = useId()
  const id = fieldId ?? generatedId
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border-2 border-slate-400 bg-white px-3 py-2"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

type ChoiceGroupProps = {
  /** A fixed id for the first option, which an error summary links to. */
  firstId?: string
  legend: string
  name: string
  options: { value: string; label: string }[]
  error?: MessageKey
}

/** Any number of the options. */
export function CheckboxGroup({ selected, ...group }: ChoiceGroupProps & { selected: readonly string[] }) {
  return <ChoiceGroup type="checkbox" isChosen={(value) => selected.includes(value)} {...group} />
}

/** One of the options; `required` where the browser should insist on a choice. */
export function RadioGroup({ chosen, ...group }: ChoiceGroupProps & { chosen: string | null; required?: boolean }) {
  return <ChoiceGroup type="radio" isChosen={(value) => value === chosen} {...group} />
}

function ChoiceGroup({
  firstId,
  type,
  legend,
  name,
  options,
  isChosen,
  required,
  error,
}: ChoiceGroupProps & { type: 'checkbox' | 'radio'; isChosen: (value: string) => boolean; required?: boolean }) {
  const id = useId()
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-semibold">{legend}</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {options.map((option, index) => (
          <label key={option.value} className="flex min-h-11 items-center gap-2">
            <input
              id={index === 0 ? firstId : undefined}
              type={type}
              name={name}
              value={option.value}
              defaultChecked={isChosen(option.value)}
              required={required}
              className="size-5 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  )
}

export function Checkbox({
  id,
  name,
  label,
  defaultChecked,
}: {
  id?: string
  name: string
  label: string
  defaultChecked: boolean
}) {
  return (
    <label className="flex min-h-11 items-center gap-2 font-semibold">
      <input
        id={id}
        type="checkbox"
        name={name}
        value="on"
        defaultChecked={defaultChecked}
        className="size-5 accent-brand-700"
      />
      {label}
    </label>
  )
}
