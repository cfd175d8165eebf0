/** The largest request body read: forms and JSON of this app are far smaller, so more is a mistake or an attack. */
export const bodyLimitBytes = 1024 * 1024

/** The page that tells a visitor their form was too large (app/routes/errors.too-large.tsx). */
export const tooLargePagePath = '/errors/too-large'
