import { createContext, useContext } from 'react'

/**
 * The response's CSP nonce, known only while the server renders the page. In the browser it is empty: scripts
 * the router adds later come from the app's own origin and need none.
 */
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
  return useContext(NonceContext)
}
