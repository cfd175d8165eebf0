import { Transform, type TransformCallback } from 'node:stream'
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
} from '@remix-run/node'
import type express from 'express'
import { apiProblemResponse } from './api.server.ts'
import { bodyLimitBytes, tooLargePagePath } from './request-limits.ts'
import { runInRequestScope } from './request-scope.server.ts'

class BodyLimit extends Transform {
  exceeded = false
  private received = 0

  constructor(private readonly limit: number) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.received += chunk.length
    if (this.received <= this.limit) return callback(null, chunk)
    this.exceeded = true
    callback(new Error(`The request body exceeds ${this.limit} bytes.`))
  }
}

function toRemixRequest(req: express.Request, res: express.Response, url: URL, body: BodyLimit | null): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item)
  }
  // Loaders and actions stop when the client goes away before the answer is complete.
  const controller = new AbortController()
  let answered = false
  res.on('finish', () => (answered = true))
  res.on('close', () => answered || controller.abort())
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(body ? { body: createReadableStreamFromReadable(req.pipe(body)), duplex: 'half' } : {}),
  } as RequestInit)
}

/** The address as the client sent it; null for a Host header no URL can be made of. */
function requestUrl(req: express.Request): URL | null {
  // req.hostname respects "trust proxy" (X-Forwarded-Host); the port comes from the Host header.
  const port = /:(\d+)$/.exec(req.get('host') ?? '')?.[1]
  try {
    return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  } catch {
    return null
  }
}

/** The compression middleware's `flush`: sends what the compressor holds so far. */
type FlushableResponse = express.Response & { flush?: () => void }

/**
 * Writes the body as it comes and flushes the compressor once each time the renderer pauses, not after every
 * chunk: Remix's writeReadableStreamToWritable flushes per chunk, and React writes a page in chunks of about
 * 2 KB, so brotli closed a block for each and compressed pages were served at a quarter of the rate.
 * A part rendered later (a slow loader's) still leaves as soon as it is written.
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: FlushableResponse) {
  let flushScheduled = false
  let ended = false
  const flushWhenIdle = () => {
    flushScheduled = false
    if (!ended) res.flush?.()
  }
  const reader = body.getReader()
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      res.write(read.value)
      if (flushScheduled) continue
      flushScheduled = true
      // Chunks written in the same burst arrive before this runs, so they share one flush.
      setImmediate(flushWhenIdle)
    }
    ended = true
    res.end()
  } catch (error) {
    ended = true
    res.destroy(error instanceof Error ? error : new Error(String(error)))
    throw error
  }
}

export async function sendResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
  if (response.body) await writeBody(response.body, res)
  else res.end()
}

interface AppRequestHandlerOptions {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode: string
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext
  limit?: number
}

/**
 * Remix's request handler behind a body limit. A declared length over the limit is refused unread; a body
 * streamed without one is cut at the limit, and whatever the route made of the cut body is replaced by 413.
 */
export function createAppRequestHandler({
  build,
  mode,
  getLoadContext,
  limit = bodyLimitBytes,
}: AppRequestHandlerOptions): express.RequestHandler {
  const handleRequest = createRequestHandler(build, mode)

  /**
   * 413 before the rest of the body is read: problem+json for the API; elsewhere the app's own error page for
   * `tooLargePagePath`, in the visitor's language and layout, at the address they sent the form to.
   */
  async function sendTooLarge(req: express.Request, res: express.Response, url: URL) {
    res.set('Connection', 'close')
    req.unpipe()
    const headers = { Cookie: req.get('cookie') ?? '', 'Accept-Language': req.get('accept-language') ?? '' }
    if (req.path.startsWith('/api/')) {
      const request = new Request(url, { headers })
      return sendResponse(res, apiProblemResponse(request, 'payload_too_large', { limit: limit / 1024 / 1024 }))
    }
    const page = new Request(new URL(tooLargePagePath, url), { headers })
    await sendResponse(res, await handleRequest(page, getLoadContext(req, res)))
  }

  return async (req, res, next) => {
    try {
      const url = requestUrl(req)
      if (!url) return void res.status(400).type('text').send('Bad Request')
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
      if (hasBody && Number(req.get('content-length') ?? 0) > limit) return await sendTooLarge(req, res, url)
      const body = hasBody ? new BodyLimit(limit) : null
      const handle = () => handleRequest(toRemixRequest(req, res, url, body), getLoadContext(req, res))
      // A read shares what its loaders load (the signed-in user); a write may change it, so its loaders load afresh.
      const response = await (hasBody ? handle() : runInRequestScope(handle))
      if (body?.exceeded) {
        await response.body?.cancel()
        return await sendTooLarge(req, res, url)
      }
      await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}
