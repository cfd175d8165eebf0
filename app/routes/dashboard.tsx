import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { StatisticsFigures } from '#app/components/statistics-figures.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { SelectField, TextField } from '#app/components/ui/field.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { supportNeeds } from '#app/domain/report-fields.ts'
import { publishedPeriod, statisticsTeamScope } from '#app/domain/disclosure-control.ts'
import { dashboardRoles } from '#app/domain/roles.ts'
import { parseDashboardFilter } from '#app/domain/welfare-report-form.ts'
import { listMunicipalities } from '#app/models/organisation.server.ts'
import { getDashboardFigures } from '#app/services/statistics.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type FieldErrors } from '#app/utils/forms.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/**
 * The committee's picture of the situation: the welfare report's figures for a calendar quarter or year, any
 * municipality and category, each count perturbed by its cell key so that comparing queries gives no small count
 * away (ADR 025).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, dashboardRoles)
  const db = getDb()
  const organisationId = user.organisation.id
  const parsed = parseDashboardFilter(readSearchParams(request), new Date())
  const municipalities = await listMunicipalities(db, organisationId)
  const fieldErrors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors }
  if (parsed.ok && parsed.filter.municipalityId && !municipalities.some((m) => m.id === parsed.filter.municipalityId)) {
    fieldErrors.municipalityId = 'validation.invalid'
  }
  const filter = parsed.ok ? publishedPeriod(parsed.filter) : null
  if (parsed.ok && !filter) fieldErrors.to = 'disclosure.validation.period'
  // Workers and team leads count their own teams' reports only; the page says so.
  const base = { values: parsed.values, municipalities, ownTeams: statisticsTeamScope(user) !== null }
  if (!filter || Object.keys(fieldErrors).length > 0) return { ...base, fieldErrors, filter: null, figures: null }
  return { ...base, fieldErrors, filter, figures: await getDashboardFigures(user, filter) }
}

export default function DashboardPage() {
  const { values, municipalities, fieldErrors, filter, figures, ownTeams } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const municipalityName = filter?.municipalityId
    ? municipalities.find((municipality) => municipality.id === filter.municipalityId)?.name
    : null
  return (
    <>
      <PageHeading title={t('dashboard.title')}>
        {ownTeams ? t('sharedPicture.dashboard.teamIntro') : t('dashboard.intro')}
      </PageHeading>
      {/* The server's messages name what is wrong in the user's language; the browser's own would not. */}
      <Form
        method="get"
        noValidate
        className="mb-6 grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1.3fr_1.6fr_auto] lg:items-start"
      >
        <TextField
          name="from"
          type="date"
          label={t('dashboard.from')}
          defaultValue={values.from}
          error={fieldErrors.from}
        />
        <TextField name="to" type="date" label={t('dashboard.to')} defaultValue={values.to} error={fieldErrors.to} />
        <SelectField
          name="municipalityId"
          label={t('dashboard.municipality')}
          defaultValue={values.municipalityId}
          error={fieldErrors.municipalityId}
          options={[
            { value: '', label: t('dashboard.allMunicipalities') },
            ...municipalities.map((municipality) => ({
              value: municipality.id,
              label: displayName(locale, municipality.name, municipality.name_sv),
            })),
          ]}
        />
        <SelectField
          name="category"
          label={t('dashboard.category')}
          defaultValue={values.category}
          error={fieldErrors.category}
          options={[
            { value: '', label: t('dashboard.allCategories') },
            ...supportNeeds.map((need) => ({ value: need, label: t(`supportNeed.${need}`) })),
          ]}
        />
        <div className="lg:pt-7">
          <Button>{t('dashboard.show')}</Button>
        </div>
      </Form>
      {figures && filter ? (
        <section aria-labelledby="dashboard-figures">
          <h2 id="dashboard-figures" className="mb-1 text-2xl font-bold text-brand-900">
            {t('dashboard.figuresTitle', {
              from: formatDate(locale, filter.from),
              to: formatDate(locale, filter.to),
            })}
          </h2>
          <p className="mb-4 text-slate-700">
            {[
              municipalityName ?? t('dashboard.allMunicipalities'),
              filter.category ? t(`supportNeed.${filter.category}`) : t('dashboard.allCategories'),
            ].join(' · ')}
          </p>
          <p className="mb-4 text-sm text-slate-700">
            {t('disclosure.dashboardNote', { threshold: figures.threshold })}
          </p>
          <StatisticsFigures
            figures={figures}
            locale={locale}
            t={t}
            idPrefix="dashboard"
            headingLevel={2}
            places={municipalities}
          />
        </section>
      ) : (
        <Alert tone="error">{t('dashboard.fixFilters')}</Alert>
      )}
    </>
  )
}
