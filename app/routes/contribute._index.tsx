import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ContributionForm } from '#app/components/contribution-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { listPhenomenaOpenForViews } from '#app/models/contribution.server.ts'
import { requireContributor } from '#app/utils/auth.server.ts'
import { submitContribution } from '#app/utils/contribution-forms.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const contributor = await requireContributor(request)
  return { phenomena: await listPhenomenaOpenForViews(getDb(), contributor.organisation.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  return submitContribution(request, await requireContributor(request), null)
}

/** A contributor's start: the phenomena open for views, and a form for an observation of their own. */
export default function ContributePage() {
  const { phenomena } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeading title={t('contributors.new.title')}>
        <p>{t('contributors.new.intro')}</p>
        <p className="mt-2">{t('contributors.privacy')}</p>
      </PageHeading>
      <Card title={t('contributors.open.title')}>
        {phenomena.length === 0 ? (
          <p>{t('contributors.open.none')}</p>
        ) : (
          <ul className="grid gap-4">
            {phenomena.map((phenomenon) => (
              <li key={phenomenon.id}>
                <Link to={`/contribute/phenomenon/${phenomenon.id}`} className="font-semibold">
                  {phenomenon.title}
                </Link>
                {phenomenon.public_summary ? <p className="text-slate-700">{phenomenon.public_summary}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('contributors.observation.title')}>
        <p className="mb-4">{t('contributors.observation.intro')}</p>
        <ContributionForm result={result} />
      </Card>
    </div>
  )
}
