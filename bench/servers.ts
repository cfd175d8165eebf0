import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

const repoRoot = path.resolve(import.meta.dirname, '..')
// The app builds itself first when its sources changed since the last build, which takes a while.
const appStartTimeoutMs = 5 * 60_000
const bareStartTimeoutMs = 30_000
const stopTimeoutMs = 10_000

export interface RunningServer {
  url: string
  stop: () => Promise<void>
}

/**
 * The production server exactly as `npm start` runs it, against the bench database; `env` adds to its environment
 * (PGOPTIONS reaches the settings of every connection it opens).
 */
export async function startAppServer(
  databaseUrl: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await findFreePort()
  return startChild({
    args: ['--import', 'tsx', 'server.ts'],
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO: 'false',
      NODE_ENV: 'production',
      ...env,
    },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/healthz',
    timeoutMs: appStartTimeoutMs,
  })
}

/** The app exactly as `npm start` runs it by default: on the embedded database in `dataDir`, in demo mode. */
export async function startEmbeddedAppServer(dataDir: string): Promise<RunningServer> {
  const port = await findFreePort()
  return startChild({
    args: ['--import', 'tsx', 'server.ts'],
    // Left unset, as a newcomer's shell leaves it, whatever the bench's own environment holds.
    env: { DATABASE_URL: undefined, PORT: String(port), DATA_DIR: dataDir, DEMO: 'true', NODE_ENV: 'production' },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/healthz',
    timeoutMs: appStartTimeoutMs,
  })
}

/** The same page without its database (bench/no-database-server.ts), from the loaders' answers to one request. */
export async function startNoDatabaseServer(
  databaseUrl: string,
  capture: { path: string; cookie: string },
): Promise<RunningServer> {
  const port = await findFreePort()
  return startChild({
    args: ['--import', 'tsx', 'bench/no-database-server.ts'],
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      CAPTURE_PATH: capture.path,
      CAPTURE_COOKIE: capture.cookie,
      NODE_ENV: 'production',
    },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/captured',
    timeoutMs: bareStartTimeoutMs,
  })
}

/** The baseline: a bare node:http server in its own process, like the app, serving the given file. */
export async function startBareServer(bodyFile: string): Promise<RunningServer> {
  const port = await findFreePort()
  return startChild({
    args: ['--import', 'tsx', 'bench/bare-server.ts'],
    env: { PORT: String(port), BARE_BODY_FILE: bodyFile },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/',
    timeoutMs: bareStartTimeoutMs,
  })
}

export async function findFreePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('could not find a free port')
  return address.port
}

async function startChild(options: {
  args: string[]
  /** Added to the bench's own environment; an undefined value removes the variable. */
  env: Record<string, string | undefined>
  url: string
  readyPath: string
  timeoutMs: number
}): Promise<RunningServer> {
  const child = spawn(process.execPath, options.args, {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Kept for the error message only: a server that does not come up explains itself here.
  let output = ''
  child.stdout.on('data', (chunk) => (output += String(chunk)))
  child.stderr.on('data', (chunk) => (output += String(chunk)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const stopped = await Promise.race([exited.then(() => true), delay(stopTimeoutMs, false)])
    if (!stopped) child.kill('SIGKILL')
  }

  const command = `node ${options.args.join(' ')}`
  try {
    await waitUntilReady(`${options.url}${options.readyPath}`, () => child.exitCode !== null, options.timeoutMs)
  } catch (error) {
    await stop()
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`\`${command}\` did not come up: ${reason}\n${output.trim()}`)
  }
  return { url: options.url, stop }
}

async function waitUntilReady(url: string, hasExited: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('the process exited')
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null)
    await response?.body?.cancel()
    if (response?.ok) return
    await delay(250)
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`)
}
