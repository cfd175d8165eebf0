import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ContributionForm } from '#app/components/contribution-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { findPhenomenonOpenForViews } from '#app/models/contribution.server.ts'
import { requireContributor } from '#app/utils/auth.server.ts'
import { submitContribution } from '#app/utils/contribution-forms.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const contributor = await requireContributor(request)
  const phenomenonId = requireUuid(params.phenomenonId)
  // Only phenomena open for views exist here, and of them only the title and the public summary.
  const phenomenon = await findPhenomenonOpenForViews(getDb(), contributor.organisation.id, phenomenonId)
  if (!phenomenon) throw data({ code: 'not_found' }, { status: 404 })
  return { phenomenon }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const contributor = await requireContributor(request)
  return submitContribution(request, contributor, requireUuid(params.phenomenonId))
}

export default function ContributeOnPhenomenonPage() {
  const { phenomenon } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeading title={phenomenon.title}>
        {phenomenon.public_summary ? <p>{phenomenon.public_summary}</p> : null}
      </PageHeading>
      <Card title={t('contributors.view.title')}>
        <p className="mb-2">{t('contributors.view.intro')}</p>
        <p className="mb-4">{t('contributors.privacy')}</p>
        <ContributionForm result={result} />
      </Card>
    </div>
  )
}
