import { z } from 'zod'
import { type Locale } from '#app/utils/i18n.ts'

const text = z.string().trim().max(4000, 'validation.tooLong')

/** A response template as the admin types it: a name and its text in Finnish, with Swedish and English if given. */
export const ResponseTemplateSchema = z.object({
  name: z
    .string({ error: 'admin.templates.validation.name' })
    .trim()
    .min(1, 'admin.templates.validation.name')
    .max(200, 'validation.tooLong'),
  textFi: z
    .string({ error: 'admin.templates.validation.textFi' })
    .trim()
    .min(1, 'admin.templates.validation.textFi')
    .max(4000, 'validation.tooLong'),
  textSv: text.default(''),
  textEn: text.default(''),
})
export type ResponseTemplateInput = z.output<typeof ResponseTemplateSchema>

/** The template's text in the report author's language when it has one, otherwise in Finnish. */
export function templateTextFor(
  template: { text_fi: string; text_sv: string; text_en: string },
  locale: Locale,
): string {
  const inLocale = { fi: template.text_fi, sv: template.text_sv, en: template.text_en }[locale]
  return inLocale || template.text_fi
}
