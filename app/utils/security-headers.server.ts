import { randomBytes } from 'node:crypto'
import { type ServerResponse } from 'node:http'
import { type RequestHandler, type Response } from 'express'
import helmet from 'helmet'

declare global {
  namespace Express {
    interface Locals {
      /** Fresh for every response; only scripts and styles the server writes itself carry it. */
      cspNonce: string
    }
  }
}

/**
 * The local mailbox frames an email's own HTML at this address. It is the one document the app lets itself
 * frame, and the one whose styles are inline attributes (as every email client wants them); see ADR 015.
 */
const emailDocumentPath = /^\/admin\/mailbox\/[^/]+\/html$/

const nonce = (_request: unknown, response: ServerResponse) => `'nonce-${(response as Response).locals.cspNonce}'`

type Directives = Record<string, Array<string | typeof nonce> | null>

/** Features the app never uses, denied so that injected or embedded content cannot ask for them either. */
const permissionsPolicy = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

function pageDirectives(development: boolean, hsts: boolean): Directives {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    scriptSrc: ["'self'", nonce],
    scriptSrcAttr: ["'none'"],
    // Pages style through the stylesheet only; the nonce is for the standalone welfare-report export's own
    // <style>. Vite's dev server injects <style> elements and talks to the browser over a WebSocket.
    styleSrc: development ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
    connectSrc: development ? ["'self'", 'ws:'] : ["'self'"],
    // Where HSTS holds, anything addressed as http:// is a mistake; elsewhere (demo on localhost) it is the site.
    upgradeInsecureRequests: hsts ? [] : null,
  }
}

/** An email's HTML: no scripts, no fetches, its inline styles, framed by the mailbox page only and sandboxed. */
const emailDocumentDirectives: Directives = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'self'"],
  styleSrc: ["'unsafe-inline'"],
  sandbox: [],
}

/**
 * Security headers for every response the server sends: pages, data requests, the API, exports, static files,
 * errors and redirects. HSTS only where the app is known to be served over HTTPS.
 */
export function securityHeaders({ development, hsts }: { development: boolean; hsts: boolean }): RequestHandler {
  const headersWith = (directives: Directives, frameAction: 'deny' | 'sameorigin') =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      xFrameOptions: { action: frameAction },
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: hsts ? { maxAge: 365 * 24 * 60 * 60 } : false,
    })
  const pageHeaders = headersWith(pageDirectives(development, hsts), 'deny')
  const emailDocumentHeaders = headersWith(emailDocumentDirectives, 'sameorigin')
  return (request, response, next) => {
    response.locals.cspNonce = randomBytes(16).toString('base64')
    response.setHeader('Permissions-Policy', permissionsPolicy)
    const headers = emailDocumentPath.test(request.path) ? emailDocumentHeaders : pageHeaders
    headers(request, response, next)
  }
}
