import { useActionData } from '@remix-run/react'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { formatDateTime, type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { GuardFindings } from './guard-findings.tsx'
import { IntentForm } from './intent-form.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'
import { TextArea } from './ui/field.tsx'

/** What a question or answer form got back; `questionForm` names the form, so only that one shows it. */
export interface QuestionFormResult {
  /** Tells this answer apart from the page's other forms' answers. */
  error: 'question_form'
  questionForm: string
  ok: boolean
  said?: 'question.asked' | 'question.answered'
  text?: string
  message?: MessageKey
  findings?: FieldFinding[]
}

export interface ShownQuestion {
  id: string
  question: string
  asked_at: Date | string
  asker_name: string
  answer: string | null
  answered_at: Date | string | null
  answerer_name: string | null
}

function isQuestionResult(value: unknown): value is QuestionFormResult {
  return typeof value === 'object' && value !== null && 'questionForm' in value
}

/** The form's own answer: what it says after sending, its error, and the guard's findings on what was typed. */
function FormAnswer({ result }: { result: QuestionFormResult | undefined }) {
  const { t } = useI18n()
  if (!result) return null
  if (result.ok && result.said) return <Alert tone="success">{t(result.said)}</Alert>
  return (
    <>
      <GuardFindings
        findings={result.findings ?? []}
        fieldLabel={() => t('question.field.question')}
        focusOn={result.findings ?? null}
        title="report.guard.title"
        help="report.guard.help"
      />
      {result.message ? (
        <p role="alert" className="font-semibold text-red-800">
          {t(result.message)}
        </p>
      ) : null}
    </>
  )
}

/**
 * The report's questions and answers, the lead's or coordinator's form to ask and the authors' forms to answer.
 * `templateText` fills the question from a chosen response template.
 */
export function ReportQuestions({
  questions,
  mayAsk,
  mayAnswer,
  templateText = '',
}: {
  questions: ShownQuestion[]
  mayAsk: boolean
  mayAnswer: boolean
  templateText?: string
}) {
  const { locale, t } = useI18n()
  const posted = useActionData()
  const result = isQuestionResult(posted) ? posted : undefined
  const resultFor = (formId: string) => (result?.questionForm === formId ? result : undefined)
  const failedText = (formId: string) => (resultFor(formId)?.ok === false ? resultFor(formId)?.text : undefined)
  return (
    <div className="grid gap-4">
      <p className="text-slate-700">{t('question.intro')}</p>
      {questions.length === 0 ? <p>{t('question.none')}</p> : null}
      <ol className="grid gap-3">
        {questions.map((question) => (
          <li key={question.id} className="grid gap-2 rounded-md border border-slate-200 p-4">
            <p className="text-sm text-slate-700">
              {t('question.askedBy', {
                name: question.asker_name,
                date: formatDateTime(locale, new Date(question.asked_at)),
              })}
            </p>
            <p className="whitespace-pre-line">{question.question}</p>
            {question.answer !== null ? (
              <div className="border-l-4 border-brand-700 pl-3">
                <p className="text-sm text-slate-700">
                  {t('question.answeredBy', {
                    name: question.answerer_name ?? '',
                    date: formatDateTime(locale, new Date(question.answered_at!)),
                  })}
                </p>
                <p className="whitespace-pre-line">{question.answer}</p>
              </div>
            ) : (
              <p className="font-semibold text-amber-900">{t('question.open')}</p>
            )}
            {question.answer === null && mayAnswer ? (
              <IntentForm intent="answer" fields={{ questionId: question.id }} className="grid gap-2">
                <FormAnswer result={resultFor(`answer:${question.id}`)} />
                <TextArea
                  name="answer"
                  label={t('question.field.answer')}
                  rows={3}
                  defaultValue={failedText(`answer:${question.id}`) ?? ''}
                />
                <div>
                  <Button>{t('question.answer')}</Button>
                </div>
              </IntentForm>
            ) : null}
            {question.answer !== null ? <FormAnswer result={resultFor(`answer:${question.id}`)} /> : null}
          </li>
        ))}
      </ol>
      {mayAsk ? (
        <IntentForm intent="ask" className="grid gap-2" id="ask-question">
          <h3 className="font-semibold">{t('question.ask')}</h3>
          <FormAnswer result={resultFor('ask')} />
          {/* Once sent, the field starts empty again so the same question is not sent twice. */}
          <TextArea
            key={resultFor('ask')?.ok ? 'sent' : 'typing'}
            name="question"
            label={t('question.field.question')}
            rows={3}
            defaultValue={failedText('ask') ?? (resultFor('ask')?.ok ? '' : templateText)}
          />
          <div>
            <Button>{t('question.submit')}</Button>
          </div>
        </IntentForm>
      ) : null}
    </div>
  )
}
