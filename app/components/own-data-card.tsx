import { useI18n } from '#app/utils/use-i18n.ts'
import { Card } from './ui/card.tsx'

/** Settings' way to one's own data: a plain download link, so it works without JavaScript. */
export function OwnDataCard() {
  const { t } = useI18n()
  return (
    <Card title={t('people.ownData.title')} id="own-data">
      <p className="mb-4">{t('people.ownData.help')}</p>
      <a
        href="/settings/own-data.json"
        download
        className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 bg-white px-4 py-2 font-semibold text-brand-800 no-underline hover:bg-brand-50"
      >
        {t('people.ownData.download')}
      </a>
    </Card>
  )
}
