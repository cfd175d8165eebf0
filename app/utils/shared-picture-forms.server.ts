import { data } from '@remix-run/node'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { ObservationFormSchema, PhenomenonDescriptionSchema } from '#app/domain/shared-picture.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { editPhenomenonDescription, observePhenomenon } from '#app/services/shared-picture.server.ts'
import { type ServiceResult } from '#app/services/result.ts'
import { type FieldErrors, formValues, parseForm } from './forms.ts'
import { throwRefusal } from './refusals.server.ts'

export type SharedPictureForm = 'observe' | 'description'

/** What the phenomenon page's "Havaitsen saman" and description forms get back; a failure keeps what was typed. */
export type SharedPictureFormResult =
  | { form: SharedPictureForm; ok: true }
  | {
      form: SharedPictureForm
      ok: false
      fieldErrors: FieldErrors
      findings: FieldFinding[]
      stale: boolean
      values: Record<string, string | string[]>
    }

export function isSharedPictureForm(intent: unknown): intent is SharedPictureForm {
  return intent === 'observe' || intent === 'description'
}

function failed(
  form: SharedPictureForm,
  formData: FormData,
  status: number,
  details: Partial<SharedPictureFormResult>,
) {
  return data<SharedPictureFormResult>(
    { form, ok: false, fieldErrors: {}, findings: [], stale: false, ...details, values: formValues(formData) },
    { status },
  )
}

function answer(form: SharedPictureForm, formData: FormData, result: ServiceResult) {
  if (result.ok) return data<SharedPictureFormResult>({ form, ok: true })
  switch (result.reason) {
    case 'identifying_data':
      return failed(form, formData, 422, { findings: result.findings })
    case 'invalid':
      return failed(form, formData, 400, { fieldErrors: result.fieldErrors })
    case 'stale':
      return failed(form, formData, 409, { stale: true })
    default:
      return throwRefusal(result)
  }
}

/** "Havaitsen saman" and the description's edit on the phenomenon page. */
export async function handleSharedPictureForm(
  user: CurrentUser,
  phenomenonId: string,
  form: SharedPictureForm,
  formData: FormData,
) {
  if (form === 'observe') {
    const parsed = parseForm(ObservationFormSchema, formData)
    if (!parsed.ok) return failed(form, formData, 400, { fieldErrors: parsed.fieldErrors })
    return answer(form, formData, await observePhenomenon(user, { phenomenonId, ...parsed.data }))
  }
  const parsed = parseForm(PhenomenonDescriptionSchema, formData)
  if (!parsed.ok) return failed(form, formData, 400, { fieldErrors: parsed.fieldErrors })
  return answer(form, formData, await editPhenomenonDescription(user, { phenomenonId, ...parsed.data }))
}
