declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address as seen by the server entry; used for login throttling. */
    clientIp?: string
  }
}

export function clientIpOf(context: { clientIp?: string }): string {
  return context.clientIp ?? 'unknown'
}
