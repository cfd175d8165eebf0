declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address as seen by the server entry; used for login throttling. */
    clientIp?: string
    /** The Content-Security-Policy nonce of this response, set by the security-headers middleware. */
    cspNonce?: string
  }
}

export function clientIpOf(context: { clientIp?: string }): string {
  return context.clientIp ?? 'unknown'
}
