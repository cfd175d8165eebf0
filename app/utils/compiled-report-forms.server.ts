import { z } from 'zod'

// The compiled-report forms' schemas stay on the server, so the pages' scripts never carry zod (ADR 029).

const title = z.string().trim().min(1, 'compiled.validation.title').max(200, 'compiled.validation.title')
const ids = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]),
  z.array(z.uuid({ error: 'validation.invalid' })).max(200, 'validation.invalid'),
)

export const NewCompiledReportSchema = z.object({ title, phenomenonIds: ids })

export const CompiledReportEditSchema = z.object({
  title,
  narrative: z.string().max(50_000, 'compiled.validation.narrative').default(''),
  phenomenonIds: ids,
  seriesIds: ids,
  version: z.coerce.number({ error: 'validation.invalid' }).int('validation.invalid').min(1, 'validation.invalid'),
})

/** The pasted text, or else the uploaded file's; a file above 2 MB is refused before it is read. */
export async function indicatorCsvOf(formData: FormData): Promise<string | null> {
  const pasted = formData.get('csv')
  if (typeof pasted === 'string' && pasted.trim() !== '') return pasted
  const file = formData.get('file')
  if (file instanceof File && file.size > 0 && file.size <= 2_000_000) return file.text()
  return null
}

export const StageChangeSchema = z.object({
  version: z.coerce.number({ error: 'validation.invalid' }).int('validation.invalid').min(1, 'validation.invalid'),
  reviewerIds: ids,
})

export const CommentSchema = z.object({
  text: z.string().trim().min(1, 'compiled.validation.comment').max(5000, 'compiled.validation.comment'),
})

export const AnswerSchema = z.object({
  commentId: z.uuid({ error: 'validation.invalid' }),
  answer: z.string().trim().min(1, 'compiled.validation.comment').max(5000, 'compiled.validation.comment'),
})
