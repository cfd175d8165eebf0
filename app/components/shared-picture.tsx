import { Form, useActionData } from '@remix-run/react'
import { useId } from 'react'
import { displayName } from '#app/domain/display-name.ts'
import { observationSentenceMax } from '#app/domain/shared-picture.ts'
import { type SharedPictureForm, type SharedPictureFormResult } from '#app/utils/shared-picture-forms.server.ts'
import { formatDate, type MessageKey } from '#app/utils/i18n.ts'
import { typedValueOf } from '#app/utils/forms.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { GuardFindings } from './guard-findings.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'
import { Card } from './ui/card.tsx'
import { SelectField, TextArea, TextField } from './ui/field.tsx'

/** The anchor of the "Havaitsen saman" form, which the similar-report hits of the report form link to. */
export const observationFormAnchor = 'havaitsen-saman'

function useFormResult(form: SharedPictureForm): SharedPictureFormResult | undefined {
  const result = useActionData<SharedPictureFormResult>()
  return result && typeof result === 'object' && 'form' in result && result.form === form ? result : undefined
}

/**
 * "Havaitsen saman": the municipality, a rough number of clients and one sentence, recorded in under a minute.
 * A refused sentence stays in its field with the guard's findings above it.
 */
export function ObservationForm({
  municipalities,
  count,
}: {
  municipalities: { id: string; name: string; name_sv: string | null }[]
  /** The number of observations; a new one restarts the form empty. */
  count: number
}) {
  const { locale, t } = useI18n()
  const headingId = useId()
  const result = useFormResult('observe')
  const failed = result && !result.ok ? result : undefined
  return (
    <section id={observationFormAnchor} aria-labelledby={headingId} tabIndex={-1} className="grid gap-3">
      <h3 id={headingId} className="text-lg font-semibold">
        {t('sharedPicture.observe.title')}
      </h3>
      <p className="text-slate-700">{t('sharedPicture.observe.help')}</p>
      {result?.ok ? <Alert tone="success">{t('sharedPicture.observe.done')}</Alert> : null}
      <GuardFindings
        findings={failed?.findings ?? []}
        fieldLabel={() => t('sharedPicture.observe.sentence')}
        title="sharedPicture.observe.refused"
        help="sharedPicture.observe.refusedHelp"
        focusOn={failed ?? null}
      />
      <Form key={count} method="post" preventScrollReset className="grid gap-3 sm:max-w-xl">
        <CsrfInput />
        <input type="hidden" name="intent" value="observe" />
        <SelectField
          name="municipalityId"
          label={t('sharedPicture.observe.municipality')}
          defaultValue={typedValueOf(failed, 'municipalityId') ?? ''}
          error={failed?.fieldErrors.municipalityId}
          options={[
            { value: '', label: t('reports.wholeArea') },
            ...municipalities.map((municipality) => ({
              value: municipality.id,
              label: displayName(locale, municipality.name, municipality.name_sv),
            })),
          ]}
        />
        <TextField
          name="clientEstimate"
          inputMode="numeric"
          label={t('sharedPicture.observe.clientEstimate')}
          description={t('sharedPicture.observe.clientEstimateHelp')}
          defaultValue={typedValueOf(failed, 'clientEstimate') ?? ''}
          error={failed?.fieldErrors.clientEstimate}
        />
        <TextArea
          name="sentence"
          rows={2}
          maxLength={observationSentenceMax}
          label={t('sharedPicture.observe.sentence')}
          description={t('sharedPicture.observe.sentenceHelp', { max: observationSentenceMax })}
          defaultValue={typedValueOf(failed, 'sentence') ?? ''}
          error={
            failed?.fieldErrors.sentence ?? (failed?.findings.length ? 'sharedPicture.observe.refused' : undefined)
          }
        />
        <div>
          <Button>{t('sharedPicture.observe.submit')}</Button>
        </div>
      </Form>
    </section>
  )
}

export interface ObservationItem {
  id: string
  sentence: string
  client_estimate: number | null
  created_at: Date | string
  municipality: string | null
  municipality_sv: string | null
  own: boolean
}

/** What colleagues said they see too: the sentence, where and roughly how many clients, never who said it. */
export function ObservationList({ observations }: { observations: ObservationItem[] }) {
  const { locale, t } = useI18n()
  if (observations.length === 0) return <p>{t('sharedPicture.observations.none')}</p>
  return (
    <ul className="grid gap-3">
      {observations.map((observation) => (
        <li key={observation.id} className="border-t border-slate-200 pt-3 first:border-t-0 first:pt-0">
          <p>{observation.sentence}</p>
          <p className="text-sm text-slate-700">
            {[
              observation.municipality
                ? displayName(locale, observation.municipality, observation.municipality_sv)
                : t('reports.wholeArea'),
              observation.client_estimate === null
                ? null
                : t('sharedPicture.observations.clients', { count: observation.client_estimate }),
              formatDate(locale, observation.created_at),
              observation.own ? t('sharedPicture.observations.own') : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  )
}

/** The description as rendered (sanitised Markdown), with an edit form for coordinators and team leads. */
export function PhenomenonDescription({
  html,
  description,
  version,
  mayEdit,
}: {
  html: string
  description: string
  version: string
  mayEdit: boolean
}) {
  const { t } = useI18n()
  const result = useFormResult('description')
  const failed = result && !result.ok ? result : undefined
  const staleMessage: MessageKey = 'sharedPicture.description.stale'
  return (
    <Card title={t('sharedPicture.description.title')}>
      {html ? (
        <div className="prose-report" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p>{t('sharedPicture.description.none')}</p>
      )}
      {mayEdit ? (
        <details open={failed ? true : undefined} className="mt-4 rounded-md border border-slate-200 p-3">
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand-800">
            {t('sharedPicture.description.edit')}
          </summary>
          {result?.ok ? <Alert tone="success">{t('sharedPicture.description.saved')}</Alert> : null}
          {failed?.stale ? <Alert tone="error">{t(staleMessage)}</Alert> : null}
          <GuardFindings
            findings={failed?.findings ?? []}
            fieldLabel={() => t('sharedPicture.description.title')}
            title="sharedPicture.description.refused"
            help="sharedPicture.observe.refusedHelp"
            focusOn={failed ?? null}
          />
          <Form key={version} method="post" preventScrollReset className="mt-3 grid gap-3">
            <CsrfInput />
            <input type="hidden" name="intent" value="description" />
            <input type="hidden" name="version" value={version} />
            <TextArea
              name="description"
              rows={6}
              maxLength={10_000}
              label={t('sharedPicture.description.field')}
              description={t('sharedPicture.description.help')}
              defaultValue={typedValueOf(failed, 'description') ?? description}
              error={failed?.fieldErrors.description}
            />
            <div>
              <Button>{t('sharedPicture.description.save')}</Button>
            </div>
          </Form>
        </details>
      ) : null}
    </Card>
  )
}
