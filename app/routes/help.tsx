import { type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { type Role, roles } from '#app/domain/roles.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { roles: user.roles }
}

const pointsPerRole = [1, 2, 3] as const

function RoleHelp({ role }: { role: Role }) {
  const { t } = useI18n()
  return (
    <Card title={t(`role.${role}`)}>
      <ul className="grid list-disc gap-2 pl-5">
        {pointsPerRole.map((point) => (
          <li key={point}>{t(`help.role.${role}.${point}` as MessageKey)}</li>
        ))}
      </ul>
    </Card>
  )
}

/** A short guide per role: the reader's own roles first, the others below for knowing who does what. */
export default function HelpPage() {
  const { roles: own } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  const others = roles.filter((role) => !own.includes(role))
  return (
    <>
      <PageHeading title={t('help.title')}>{t('help.intro')}</PageHeading>
      <p className="mb-6 rounded-md border-l-4 border-brand-700 bg-brand-50 p-4">{t('help.privacy')}</p>
      <h2 className="mb-3 text-xl font-bold text-brand-900">{t('help.yourRoles')}</h2>
      <div className="mb-8 grid gap-4 lg:grid-cols-2">
        {own.map((role) => (
          <RoleHelp key={role} role={role} />
        ))}
      </div>
      {others.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-xl font-bold text-brand-900">{t('help.otherRoles')}</summary>
          <div className="mt-3 grid gap-4 lg:grid-cols-2">
            {others.map((role) => (
              <RoleHelp key={role} role={role} />
            ))}
          </div>
        </details>
      ) : null}
    </>
  )
}
