import { Link } from '@remix-run/react'
import { useI18n, useRootData } from '#app/utils/use-i18n.ts'

/** On a phenomenon's page, the coordinator's way to open it for contributors' views and to read them (ADR 039). */
export function ContributorViewsLink({ phenomenonId }: { phenomenonId: string }) {
  const { t } = useI18n()
  const roles = useRootData()?.user?.roles ?? []
  if (!roles.includes('coordinator')) return null
  return (
    <p className="mb-6">
      <Link to={`/phenomena/${phenomenonId}/views`}>{t('contributors.opening.link')}</Link>
    </p>
  )
}
