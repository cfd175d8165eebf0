import { useI18n } from '#app/utils/use-i18n.ts'

/** What was sent on: the report's or phenomenon's title, description (rendered, sanitised) and proposed actions. */
export function SentMatter({
  matter,
  descriptionHtml,
  coveringNote,
}: {
  matter: { kind: 'report' | 'phenomenon'; title: string; actions: string[] }
  descriptionHtml: string
  coveringNote: string
}) {
  const { t } = useI18n()
  return (
    <div className="grid gap-4">
      <h3 className="text-lg font-bold">
        {t(matter.kind === 'report' ? 'sendings.subject.report' : 'sendings.subject.phenomenon')}: {matter.title}
      </h3>
      {descriptionHtml ? (
        <div>
          <h4 className="font-semibold">{t('sending.description')}</h4>
          <div className="prose-report" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
        </div>
      ) : null}
      <div>
        <h4 className="font-semibold">{t('sending.actions')}</h4>
        {matter.actions.length ? (
          <ol className="list-decimal pl-6">
            {matter.actions.map((action, index) => (
              <li key={index}>{action}</li>
            ))}
          </ol>
        ) : (
          <p>{t('sending.noActions')}</p>
        )}
      </div>
      {coveringNote ? (
        <div>
          <h4 className="font-semibold">{t('sending.coveringNote')}</h4>
          <p className="whitespace-pre-line rounded bg-slate-50 p-2">{coveringNote}</p>
        </div>
      ) : null}
    </div>
  )
}
