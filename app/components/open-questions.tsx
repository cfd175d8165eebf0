import { Link } from '@remix-run/react'
import { useI18n } from '#app/utils/use-i18n.ts'
import { Alert } from './ui/alert.tsx'

/** "Open questions": the writer's reports on which a lead or coordinator waits for their answer. */
export function OpenQuestions({ reports }: { reports: { id: string; title: string; open: number }[] }) {
  const { t } = useI18n()
  if (reports.length === 0) return null
  return (
    <Alert tone="info">
      <h2 className="font-semibold">{t('question.openMarker')}</h2>
      <ul className="mt-1 list-disc pl-5">
        {reports.map((report) => (
          <li key={report.id}>
            <Link to={`/reports/${report.id}#questions`}>{report.title}</Link> –{' '}
            {t('question.openMarker.count', { count: report.open })}
          </li>
        ))}
      </ul>
    </Alert>
  )
}
