import { type ChangeRequest } from '#app/domain/change-requests.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** The lead's request for changes in their own words, with the earlier requests below it. */
export function ChangeRequests({ requests }: { requests: ChangeRequest[] }) {
  const { locale, t } = useI18n()
  const [latest, ...earlier] = requests
  if (!latest) return null
  return (
    <section
      aria-labelledby="change-request-title"
      className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="change-request-title" className="font-semibold">
        {t('report.changeRequest.title', { name: latest.actorName, time: formatDateTime(locale, latest.at) })}
      </h2>
      <blockquote className="mt-2 whitespace-pre-line">{latest.comment}</blockquote>
      {earlier.length > 0 ? (
        <details className="mt-3">
          <summary>{t('report.changeRequest.earlier')}</summary>
          <ul className="mt-2 grid gap-2">
            {earlier.map((request) => (
              <li key={request.at}>
                <p className="text-sm">
                  {request.actorName}, {formatDateTime(locale, request.at)}
                </p>
                <p className="whitespace-pre-line">{request.comment}</p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
