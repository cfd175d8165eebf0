import { teamMeetingKinds } from '#app/domain/team-reports.ts'
import { type FieldErrors, listValue, textValue } from '#app/utils/forms.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { fieldAnchor } from './error-summary.tsx'
import { Card } from './ui/card.tsx'
import { CheckboxGroup, RadioGroup } from './ui/field.tsx'

export interface CoAuthorCandidate {
  id: string
  name: string
}

/** The report form's team section: the meeting the report was prepared in, and the team members who wrote it too. */
export function TeamReportFields({
  values,
  fieldErrors,
  candidates,
}: {
  values: Record<string, unknown>
  fieldErrors: FieldErrors
  candidates: readonly CoAuthorCandidate[]
}) {
  const { t } = useI18n()
  return (
    <Card title={t('teamReport.section')}>
      <div className="grid gap-4">
        <div className="grid gap-1">
          <RadioGroup
            firstId={fieldAnchor('preparedIn')}
            legend={t('teamReport.preparedIn')}
            name="preparedIn"
            chosen={textValue(values.preparedIn)}
            options={[
              { value: '', label: t('teamReport.preparedIn.none') },
              ...teamMeetingKinds.map((kind) => ({ value: kind, label: t(`teamReport.preparedIn.${kind}`) })),
            ]}
            error={fieldErrors.preparedIn}
          />
          <p className="text-sm text-slate-700">{t('teamReport.preparedIn.help')}</p>
        </div>
        <div className="grid gap-1">
          {candidates.length > 0 ? (
            <CheckboxGroup
              firstId={fieldAnchor('coAuthorIds')}
              legend={t('teamReport.coAuthors')}
              name="coAuthorIds"
              options={candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              selected={listValue(values.coAuthorIds)}
              error={fieldErrors.coAuthorIds}
            />
          ) : (
            <p>
              <span className="font-semibold">{t('teamReport.coAuthors')}: </span>
              {t('teamReport.coAuthors.none')}
            </p>
          )}
          <p className="text-sm text-slate-700">{t('teamReport.coAuthors.help')}</p>
        </div>
      </div>
    </Card>
  )
}
