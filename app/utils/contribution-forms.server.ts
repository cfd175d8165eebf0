import { data, redirect } from '@remix-run/node'
import { ContributionSchema } from '#app/domain/contribution-schema.ts'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { recordContribution } from '#app/services/contributions.server.ts'
import { type CurrentUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from './csrf.server.ts'
import { type FieldErrors, formValues, parseForm } from './forms.ts'
import { throwRefusal } from './refusals.server.ts'

export interface ContributionFormResult {
  fieldErrors: FieldErrors
  findings: FieldFinding[]
  values: Record<string, string | string[]>
}

/**
 * The contribution form's action on both pages: the view is stored and the contributor led to "Omat näkemykset",
 * or the form comes back with what they wrote and a plain message (400 for a missing answer, 422 for the guard).
 */
export async function submitContribution(request: Request, contributor: CurrentUser, phenomenonId: string | null) {
  const formData = await readProtectedForm(request)
  const parsed = parseForm(ContributionSchema, formData)
  if (!parsed.ok) {
    return data<ContributionFormResult>({ fieldErrors: parsed.fieldErrors, findings: [], values: parsed.values }, 400)
  }
  const result = await recordContribution(contributor, { ...parsed.data, phenomenonId })
  if (result.ok) return redirect('/contribute/own?sent=1')
  if (result.reason === 'identifying_data') {
    return data<ContributionFormResult>(
      { fieldErrors: {}, findings: result.findings, values: formValues(formData) },
      { status: 422 },
    )
  }
  throwRefusal(result)
}
