import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { listContributionsOf } from '#app/services/contributions.server.ts'
import { requireContributor } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const contributor = await requireContributor(request)
  return { contributions: await listContributionsOf(contributor) }
}

/** "Omat näkemykset": what the contributor sent, and how far its phenomenon has got, in public steps only. */
export default function OwnContributionsPage() {
  const { contributions } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const { locale, t } = useI18n()
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeading title={t('contributors.own.title')}>{t('contributors.own.intro')}</PageHeading>
      {searchParams.get('sent') ? <Alert tone="success">{t('contributors.own.sent')}</Alert> : null}
      {contributions.length === 0 ? (
        <p>
          {t('contributors.own.none')} <Link to="/contribute">{t('contributors.nav.new')}</Link>
        </p>
      ) : (
        <ul className="grid gap-4">
          {contributions.map((contribution) => (
            <li key={contribution.id} className="rounded-lg border border-slate-300 bg-white p-4">
              <h2 className="font-semibold text-brand-900">
                {contribution.phenomenon_title ?? t('contributors.own.ownObservation')}
              </h2>
              <p className="text-sm text-slate-700">
                {formatDate(locale, contribution.created_at)} · {t(`contributors.forum.${contribution.forum}`)}
              </p>
              <p className="mt-2 whitespace-pre-line">{contribution.text}</p>
              <p className="mt-2">
                <span className="font-semibold">{t('contributors.own.whatHappened')}</span>{' '}
                {contribution.step ? t(`contributors.step.${contribution.step}`) : t('contributors.step.observation')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
