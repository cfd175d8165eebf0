import path from 'node:path'
import { type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { openServerDatabase, setDb } from '#app/utils/db.server.ts'
import { createAppRequestHandler } from '#app/utils/http-handler.server.ts'
import { securityHeaders } from '#app/utils/security-headers.server.ts'

/*
 * The limit the review queue is held to (ADR 007): the same page through the same build, Express stack, Remix
 * handler and React render as `npm start`, but each loader answers what it answered for one captured request
 * (CAPTURE_PATH with CAPTURE_COOKIE), so no request after it reaches the database. Ready at /captured.
 */
const { DATABASE_URL, PORT, CAPTURE_PATH, CAPTURE_COOKIE } = process.env
const build = (await import(path.resolve('build/server/index.js'))) as ServerBuild
const database = openServerDatabase(DATABASE_URL!)
setDb(database.db)

type Loader = NonNullable<ServerBuild['routes'][string]['module']['loader']>
const answers = new Map<string, unknown>()
function answeringAsCaptured(routeId: string, loader: Loader): Loader {
  return async (args) => {
    if (!answers.has(routeId)) answers.set(routeId, await loader(args))
    const answer = answers.get(routeId)
    return answer instanceof Response ? answer.clone() : answer
  }
}
const routes = Object.fromEntries(
  Object.entries(build.routes).map(([id, route]) => {
    const loader = route.module.loader
    return [id, { ...route, module: { ...route.module, loader: loader && answeringAsCaptured(id, loader) } }]
  }),
)

let captured = false
const app = express()
app.disable('x-powered-by')
app.use(compression())
app.use(securityHeaders({ development: false, hsts: true }))
app.get('/captured', (_req, res) => void res.sendStatus(captured ? 200 : 503))
app.all(
  '*',
  createAppRequestHandler({
    build: { ...build, routes },
    mode: 'production',
    getLoadContext: (request, response) => ({
      clientIp: request.ip ?? 'unknown',
      cspNonce: response.locals.cspNonce,
    }),
  }),
)
const server = app.listen(Number(PORT), async () => {
  const response = await fetch(`http://127.0.0.1:${PORT}${CAPTURE_PATH}`, {
    headers: { Cookie: CAPTURE_COOKIE! },
    redirect: 'manual',
  })
  await response.body?.cancel()
  if (response.status !== 200) throw new Error(`capturing ${CAPTURE_PATH} answered ${response.status}`)
  // From here on a query would fail the request: the figures are of a page with no database at all.
  setDb(undefined)
  await database.close()
  captured = true
})

process.on('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
})
