import { data } from '@remix-run/node'
import { type CurrentUser } from '#app/models/user.server.ts'
import { answerQuestion, askQuestion } from '#app/services/questions.server.ts'
import { type ServiceResult } from '#app/services/result.ts'
import { type QuestionFormResult } from '#app/components/report-questions.tsx'
import { throwRefusal } from './refusals.server.ts'

/** The form's answer: done, or the refusal beside the form that was sent with the text typed kept. */
function answerOf(result: ServiceResult, formId: string, text: string, said: QuestionFormResult['said']) {
  if (result.ok) return { error: 'question_form', questionForm: formId, ok: true, said } satisfies QuestionFormResult
  const failed = (extra: Partial<QuestionFormResult>, status: number) =>
    data<QuestionFormResult>({ error: 'question_form', questionForm: formId, ok: false, text, ...extra }, { status })
  switch (result.reason) {
    case 'identifying_data':
      return failed({ findings: result.findings }, 422)
    case 'invalid':
      return failed({ message: Object.values(result.fieldErrors)[0] ?? 'validation.invalid' }, 400)
    case 'stale':
      return failed({ message: 'question.alreadyAnswered' }, 409)
    default:
      return throwRefusal(result)
  }
}

/** The report page's question and answer forms (intents `ask` and `answer`). */
export async function handleQuestionForm(user: CurrentUser, reportId: string, formData: FormData) {
  if (formData.get('intent') === 'ask') {
    const question = String(formData.get('question') ?? '')
    return answerOf(await askQuestion(user, { reportId, question }), 'ask', question, 'question.asked')
  }
  const questionId = String(formData.get('questionId') ?? '')
  const answer = String(formData.get('answer') ?? '')
  if (!/^[0-9a-f-]{36}$/.test(questionId)) throw data({ code: 'not_found' }, { status: 404 })
  const result = await answerQuestion(user, { reportId, questionId, answer })
  return answerOf(result, `answer:${questionId}`, answer, 'question.answered')
}
