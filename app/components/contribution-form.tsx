import { Form } from '@remix-run/react'
import { contributionTextLimit, contributorForums } from '#app/domain/contributions.ts'
import { type FieldErrors, textValue } from '#app/utils/forms.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { GuardFindings, type ShownFinding } from './guard-findings.tsx'
import { Button } from './ui/button.tsx'
import { SelectField, TextArea } from './ui/field.tsx'

/** The plain-language form a contributor writes a view or an observation in; what they typed stays on refusal. */
export function ContributionForm({
  result,
}: {
  result: { fieldErrors: FieldErrors; findings: ShownFinding[]; values: Record<string, unknown> } | undefined
}) {
  const { t } = useI18n()
  const values = result?.values ?? {}
  return (
    <Form method="post" className="grid gap-4">
      <CsrfInput />
      <GuardFindings
        findings={result?.findings ?? []}
        fieldLabel={() => t('contributors.form.text')}
        title="contributors.guard.title"
        help="contributors.guard.help"
        focusOn={result ?? null}
      />
      <SelectField
        name="forum"
        label={t('contributors.form.forum')}
        options={contributorForums.map((forum) => ({ value: forum, label: t(`contributors.forum.${forum}`) }))}
        defaultValue={textValue(values.forum) || 'asiakasraati'}
        error={result?.fieldErrors.forum}
      />
      <TextArea
        name="text"
        label={t('contributors.form.text')}
        description={t('contributors.form.textHelp')}
        defaultValue={textValue(values.text)}
        error={result?.fieldErrors.text}
        rows={6}
        required
        maxLength={contributionTextLimit}
      />
      <div>
        <Button>{t('contributors.form.submit')}</Button>
      </div>
    </Form>
  )
}
