import { Link } from '@remix-run/react'
import { writesReports } from '#app/domain/roles.ts'
import { useI18n, useRootData } from '#app/utils/use-i18n.ts'

/**
 * On a phenomenon's page: the coordinator's way to open it for contributors' views and read them, and the report
 * writers' way to record a client's view on the client's behalf (ADR 039).
 */
export function ContributorViewsLink({ phenomenonId }: { phenomenonId: string }) {
  const { t } = useI18n()
  const roles = useRootData()?.user?.roles ?? []
  const opens = roles.includes('coordinator')
  const recordsClientViews = writesReports(roles)
  if (!opens && !recordsClientViews) return null
  return (
    <p className="mb-6 flex flex-wrap gap-4">
      {opens ? <Link to={`/phenomena/${phenomenonId}/views`}>{t('contributors.opening.link')}</Link> : null}
      {recordsClientViews ? (
        <Link to={`/phenomena/${phenomenonId}/client-view`}>{t('contributors.clientView.link')}</Link>
      ) : null}
    </p>
  )
}
