import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { GuardFindingList } from '#app/components/guard-findings.tsx'
import { LinkPageSection, LinkUnavailable } from '#app/components/link-unavailable.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { SentMatter } from '#app/components/sent-matter.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { TextArea, TextField } from '#app/components/ui/field.tsx'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { answerThroughLink, readResponseLink, type ResponseLinkState } from '#app/services/sendings.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { type FieldErrors, formValues, parseForm, textValue } from '#app/utils/forms.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { redirectToHolderLanguage } from '#app/utils/link-pages.server.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const ResponseSchema = z.object({
  answeredByName: z.string().trim().max(200, 'validation.tooLong').default(''),
  answer: z.string().trim().min(1, 'respond.validation.answer').max(10_000, 'validation.tooLong'),
})

/** The page behind a partner's emailed link: no account, no session; the secret link is the only key. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await readResponseLink(params.token ?? '')
  await redirectToHolderLanguage(request, page.locale)
  if (page.state !== 'usable' || !('request' in page) || !page.request) {
    return data({ state: page.state }, { status: page.state === 'unknown' ? 404 : 410 })
  }
  return {
    state: page.state,
    request: page.request,
    descriptionHtml: renderMarkdown(page.request.matter.description),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request)
  const parsed = parseForm(ResponseSchema, formData)
  if (!parsed.ok) {
    const { fieldErrors, values } = parsed
    return data({ ok: false as const, fieldErrors, values, findings: [] as FieldFinding[] }, { status: 400 })
  }
  const result = await answerThroughLink(params.token ?? '', parsed.data)
  if (result.ok) return { ok: true as const }
  if (result.reason === 'link_unusable') return data({ ok: false as const, state: result.state }, { status: 410 })
  return data(
    {
      ok: false as const,
      fieldErrors: { answer: 'respond.validation.identifying' } as FieldErrors,
      values: formValues(formData),
      findings: result.findings,
    },
    { status: 422 },
  )
}

const unavailable: Record<Exclude<ResponseLinkState, 'usable'>, { title: MessageKey; body: MessageKey }> = {
  used: { title: 'respond.used.title', body: 'respond.used.body' },
  expired: { title: 'respond.expired.title', body: 'respond.expired.body' },
  unknown: { title: 'respond.unknown.title', body: 'respond.unknown.body' },
}

export default function RespondPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  if (result?.ok) {
    return <LinkUnavailable title={t('respond.done.title')} body={t('respond.done.body')} links={[]} />
  }
  const state = result && 'state' in result ? result.state : page.state
  if (state !== 'usable' || !('request' in page)) {
    const { title, body } = unavailable[state === 'usable' ? 'unknown' : state]
    return <LinkUnavailable title={t(title)} body={t(body)} links={[]} />
  }
  const failed = result && 'fieldErrors' in result ? result : undefined
  const { request } = page
  return (
    <LinkPageSection>
      <PageHeading title={t('respond.title')}>
        <p>{t('respond.intro', { organisation: request.organisationName, recipient: request.recipientName })}</p>
        <p className="mt-2 text-base">{t('respond.noAccount')}</p>
      </PageHeading>
      <div className="mb-6">
        <SentMatter
          matter={request.matter}
          descriptionHtml={page.descriptionHtml}
          coveringNote={request.coveringNote}
        />
      </div>
      <Form method="post" className="grid gap-4">
        <CsrfInput />
        {failed ? (
          <Alert tone="error">
            {t('respond.failed')}
            {failed.findings.length > 0 ? (
              <GuardFindingList findings={failed.findings} fieldLabel={() => t('respond.answer')} />
            ) : null}
          </Alert>
        ) : null}
        <TextField
          name="answeredByName"
          label={t('respond.name')}
          description={t('respond.name.help')}
          autoComplete="name"
          maxLength={200}
          defaultValue={textValue(failed?.values.answeredByName)}
          error={failed?.fieldErrors.answeredByName}
        />
        <TextArea
          name="answer"
          rows={8}
          label={t('respond.answer')}
          description={t('respond.answer.help')}
          defaultValue={textValue(failed?.values.answer)}
          error={failed?.fieldErrors.answer}
          required
        />
        <div>
          <Button>{t('respond.submit')}</Button>
        </div>
      </Form>
    </LinkPageSection>
  )
}
