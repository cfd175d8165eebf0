import { Form } from '@remix-run/react'
import { type ReactNode } from 'react'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { supportNeeds } from '#app/domain/report-fields.ts'
import { welfareSectionKinds } from '#app/domain/welfare-report.ts'
import { welfareMarkdownMaxLength } from '#app/domain/welfare-report-form.ts'
import { typedValueOf } from '#app/utils/forms.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { type PageFormResult } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { GuardFindings } from './guard-findings.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'
import { RadioGroup, SelectField, TextArea, TextField } from './ui/field.tsx'

const fieldLabels: Record<string, MessageKey> = {
  title: 'welfare.field.title',
  introduction: 'welfare.field.introduction',
  body: 'welfare.field.body',
}

/** The guard's findings on a welfare-report form, under the public-document warning. */
function WelfareGuardFindings({ findings }: { findings: FieldFinding[] }) {
  const { t } = useI18n()
  return (
    <GuardFindings
      findings={findings}
      fieldLabel={(field) => t(fieldLabels[field] ?? 'welfare.field.body')}
      title="welfare.guard.title"
      help="welfare.guard.help"
    />
  )
}

/** The outcome of a form beside it: success, a message, or the reports that stopped it. */
export function FormMessage({ result }: { result: PageFormResult | undefined }) {
  const { t } = useI18n()
  if (!result) return null
  return (
    <>
      <WelfareGuardFindings findings={result.findings} />
      {result.message ? (
        <Alert tone={result.ok ? 'success' : 'error'}>
          <p>{t(result.message)}</p>
          {result.reports.length > 0 ? (
            <ul className="mt-2 list-disc pl-6">
              {result.reports.map((report) => (
                <li key={report.id}>
                  {report.title} ({t(`status.${report.status}`)})
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </>
  )
}

/** What the fields show: the text typed into a failed submission, else the saved value; and the fields' errors. */
function shownValues<Field extends string>(result: PageFormResult | undefined, defaults: Record<Field, string>) {
  return {
    typed: (field: Field) => (result && !result.ok ? (typedValueOf(result, field) ?? '') : defaults[field]),
    errors: result?.fieldErrors ?? {},
  }
}

/** Title, period and (optionally) introduction of a welfare report. */
export function WelfareReportFields({
  result,
  defaults,
  withIntroduction,
}: {
  result: PageFormResult | undefined
  defaults: { title: string; periodStart: string; periodEnd: string; introduction: string }
  withIntroduction: boolean
}) {
  const { t } = useI18n()
  const { typed, errors } = shownValues(result, defaults)
  return (
    <>
      <TextField
        name="title"
        label={t('welfare.field.title')}
        defaultValue={typed('title')}
        error={errors.title}
        maxLength={200}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="periodStart"
          type="date"
          label={t('welfare.field.periodStart')}
          defaultValue={typed('periodStart')}
          error={errors.periodStart}
        />
        <TextField
          name="periodEnd"
          type="date"
          label={t('welfare.field.periodEnd')}
          defaultValue={typed('periodEnd')}
          error={errors.periodEnd}
        />
      </div>
      {withIntroduction ? (
        <TextArea
          name="introduction"
          label={t('welfare.field.introduction')}
          description={t('welfare.field.markdownHelp')}
          defaultValue={typed('introduction')}
          error={errors.introduction}
          maxLength={welfareMarkdownMaxLength}
          rows={8}
        />
      ) : null}
    </>
  )
}

/** Title, § 11 category and Markdown body of a section. */
export function SectionFields({
  result,
  defaults,
}: {
  result: PageFormResult | undefined
  defaults: { title: string; category: string; body: string }
}) {
  const { t } = useI18n()
  const { typed, errors } = shownValues(result, defaults)
  return (
    <>
      <TextField
        name="title"
        label={t('welfare.field.sectionTitle')}
        defaultValue={typed('title')}
        error={errors.title}
        maxLength={200}
      />
      <SelectField
        name="category"
        label={t('welfare.field.category')}
        defaultValue={typed('category')}
        error={errors.category}
        options={[
          { value: '', label: t('welfare.field.category.none') },
          ...supportNeeds.map((need) => ({ value: need, label: t(`supportNeed.${need}`) })),
        ]}
      />
      <TextArea
        name="body"
        label={t('welfare.field.body')}
        description={t('welfare.field.markdownHelp')}
        defaultValue={typed('body')}
        error={errors.body}
        maxLength={welfareMarkdownMaxLength}
        rows={10}
      />
    </>
  )
}

/** What kind of section is added: one the coordinator writes, or one that lists the period's follow-ups itself. */
export function SectionKindField({ result }: { result: PageFormResult | undefined }) {
  const { t } = useI18n()
  const { typed, errors } = shownValues(result, { kind: 'text' })
  return (
    <div className="grid gap-1">
      <RadioGroup
        legend={t('chain.welfare.kind')}
        name="kind"
        chosen={typed('kind') || 'text'}
        error={errors.kind}
        options={welfareSectionKinds.map((kind) => ({ value: kind, label: t(`chain.welfare.kind.${kind}`) }))}
      />
      <p className="text-sm text-slate-600">{t('chain.welfare.kindHelp')}</p>
    </div>
  )
}

/** A small form with one button and hidden fields: moving and deleting sections. */
export function ButtonForm({
  hidden,
  children,
  variant = 'secondary',
}: {
  hidden: Record<string, string>
  children: ReactNode
  variant?: 'secondary' | 'danger'
}) {
  return (
    <Form method="post" preventScrollReset>
      <CsrfInput />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant}>{children}</Button>
    </Form>
  )
}
