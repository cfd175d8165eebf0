import { openApiDocument } from '#app/utils/api-schemas.ts'

/** Public on purpose: the description holds no data, and clients read it before they have a token. */
export function loader() {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  })
}
