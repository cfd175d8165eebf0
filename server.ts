import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { setDb } from '#app/utils/db.server.ts'
import { startInAppEmailWorker } from '#app/utils/email-worker.server.ts'
import { createAppRequestHandler } from '#app/utils/http-handler.server.ts'
import { securityHeaders } from '#app/utils/security-headers.server.ts'
import { describeStartupError, loadEnvOrExit, openPreparedDatabase } from '#app/utils/startup.server.ts'

const env = loadEnvOrExit()
const development = env.NODE_ENV === 'development'
const buildEntry = path.resolve('build/server/index.js')

function newestModification(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0)
}

/** `npm start` builds when there is no build yet or the sources are newer than it. */
function buildIfNeeded() {
  if (development) return
  const sourcesChanged =
    !existsSync(buildEntry) ||
    Math.max(...['app', 'emails', 'db', 'public'].map(newestModification), statSync('vite.config.ts').mtimeMs) >
      statSync(buildEntry).mtimeMs
  if (!sourcesChanged) return
  console.log('Building the app (first start or changed sources)…')
  const result = spawnSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'vite:build'], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('the build failed; see the messages above')
}

let database
try {
  database = await openPreparedDatabase(env, 'npm start', { seedDemo: env.demo })
} catch (error) {
  console.error(describeStartupError(error, env))
  process.exit(1)
}
if (database.seeded) console.log('Empty database in demo mode: demo data written.')
const openDatabase = database
setDb(openDatabase.db, openDatabase.isHealthy)
try {
  buildIfNeeded()
} catch (error) {
  await openDatabase.close()
  console.error(describeStartupError(error, env))
  process.exit(1)
}

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', 'loopback')
app.use(compression())
app.use(securityHeaders({ development, hsts: env.NODE_ENV === 'production' && !env.demo }))

const viteDevServer = development
  ? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  // Only what build/client holds goes to the file system, so a page request costs no failed stat.
  const publicNames = new Set(readdirSync('build/client'))
  const publicFiles = express.static('build/client', { maxAge: '1h' })
  app.use((req, res, next) => (publicNames.has(req.path.split('/')[1]!) ? publicFiles(req, res, next) : next()))
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import(buildEntry)) as ServerBuild)

app.all(
  '*',
  createAppRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (request, response) => ({
      clientIp: request.ip ?? request.socket.remoteAddress ?? 'unknown',
      cspNonce: response.locals.cspNonce,
    }),
  }),
)

const stopEmailWorker = env.EMAIL_WORKER === 'in-app' ? startInAppEmailWorker(openDatabase.db, env) : undefined

const server = app.listen(env.PORT, () => {
  const mode = env.demo ? 'demo mode: the login page lists the demo accounts' : 'production mode'
  const email = env.resend
    ? 'email through Resend'
    : env.demo
      ? 'no RESEND_API_KEY: emails stay in the local mailbox (Administration → Mailbox)'
      : 'no RESEND_API_KEY: emails wait in the queue'
  const worker = stopEmailWorker
    ? 'email worker in this process'
    : env.EMAIL_WORKER === 'off'
      ? 'email worker off here (EMAIL_WORKER=off)'
      : 'email worker off until a sender is configured'
  console.log(
    `Sosiaalinen raportointi is running at http://localhost:${env.PORT} (${mode}; ${openDatabase.description}; ${email}; ${worker}).`,
  )
})
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${env.PORT} is already in use. Stop the other program or set PORT to a free port.`
      : `Could not listen on port ${env.PORT}: ${error.message}`,
  )
  void openDatabase.close().finally(() => process.exit(1))
})

let shuttingDown = false
async function shutDown(signal: string) {
  if (shuttingDown) return
  shuttingDown = true
  console.log(`${signal} received: closing the server and the database…`)
  server.close()
  server.closeAllConnections()
  await viteDevServer?.close()
  await stopEmailWorker?.()
  await openDatabase.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutDown('SIGINT'))
process.on('SIGTERM', () => void shutDown('SIGTERM'))
