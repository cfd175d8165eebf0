import { once } from 'node:events'
import { get, type IncomingMessage } from 'node:http'
import { type AddressInfo } from 'node:net'
import { PassThrough } from 'node:stream'
import { brotliCompressSync, brotliDecompressSync, constants, createBrotliDecompress } from 'node:zlib'
import { createReadableStreamFromReadable } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { createElement } from 'react'
import { renderToPipeableStream, renderToStaticMarkup } from 'react-dom/server'
import { afterEach, expect, test } from 'vitest'
import { sendResponse } from '#app/utils/http-handler.server.ts'

/** A queue-sized page: React writes it in many small chunks, as it writes the review queue. */
function QueuePage() {
  return createElement(
    'table',
    null,
    createElement(
      'tbody',
      null,
      Array.from({ length: 600 }, (_, index) =>
        createElement(
          'tr',
          { key: index },
          createElement('td', null, createElement('a', { href: `/reports/${index}` }, `Ilmoitus ${index}`)),
          createElement('td', null, `Kela ja toimeentulotuki, asia ${index * 7919}`),
          createElement('td', null, index % 3 === 0 ? 'Lähetetty' : 'Käsittelyssä'),
        ),
      ),
    ),
  )
}

const servers: { close(): void }[] = []
afterEach(() => servers.splice(0).forEach((server) => server.close()))

/** The app's Express stack (compression first) answering with a page rendered and streamed as entry.server does. */
async function serveRenderedPage() {
  const app = express()
  app.use(compression())
  app.get('/', async (_req, res) => {
    const body = new PassThrough()
    renderToPipeableStream(createElement(QueuePage)).pipe(body)
    await sendResponse(
      res,
      new Response(createReadableStreamFromReadable(body), { headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    )
  })
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await once(server, 'listening')
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

test('a compressed page arrives whole and about as small as the page compressed in one piece', async () => {
  const url = await serveRenderedPage()
  const html = renderToStaticMarkup(createElement(QueuePage))

  // node:http rather than fetch, which would decompress: the bytes as they travelled.
  const response = await new Promise<IncomingMessage>((resolve) =>
    get(url, { headers: { 'Accept-Encoding': 'br' } }, resolve),
  )
  expect(response.headers['content-encoding']).toBe('br')
  const travelled = Buffer.concat(await response.toArray())
  const page = brotliDecompressSync(travelled).toString('utf8')
  expect(page).toBe(html)

  // A flush after every chunk closes a brotli block per chunk and makes the page markedly bigger on the wire.
  const inOnePiece = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
  expect(travelled.byteLength).toBeLessThan(inOnePiece.byteLength * 1.1)
})

test('a part of a compressed page written later still reaches the browser before the rest is written', async () => {
  const app = express()
  app.use(compression())
  const body = new PassThrough()
  app.get('/', (_req, res) => {
    body.write('<!DOCTYPE html><html><body><main>Jono</main>')
    void sendResponse(
      res,
      new Response(createReadableStreamFromReadable(body), { headers: { 'Content-Type': 'text/html' } }),
    )
  })
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await once(server, 'listening')
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

  const response = await new Promise<IncomingMessage>((resolve) =>
    get(url, { headers: { 'Accept-Encoding': 'br' } }, resolve),
  )
  const page = response.pipe(createBrotliDecompress())
  let received = ''
  for await (const chunk of page) {
    received += String(chunk)
    // The shell is readable while the rest is still to come: the page is not held back until it ends.
    if (received.includes('</main>') && body.writable) body.end('<p>Myöhemmin</p></body></html>')
  }
  expect(received).toBe('<!DOCTYPE html><html><body><main>Jono</main><p>Myöhemmin</p></body></html>')
})
