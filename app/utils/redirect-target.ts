const base = new URL('http://redirect-target.invalid')

// Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so "/\t/evil.example" or
// "/\evil.example" would take the user off the site as "//evil.example".
const leavesThePath = /[\u0000-\u001f\u007f\\]/

function isSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !leavesThePath.test(path)
}

/**
 * The one check for every user-supplied redirect target (a form's or a link's redirectTo): only a path on this
 * site, judged as written, once percent-decoded and as the URL parser resolves it ("/.//evil.example" becomes
 * "//evil.example"); anything else gets the fallback. The answer is the parser's serialisation, all ASCII, so it
 * always makes a valid Location header.
 */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !isSitePath(target)) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(target)
  } catch {
    return fallback
  }
  if (!isSitePath(decoded)) return fallback
  const url = new URL(target, base)
  const path = url.pathname + url.search + url.hash
  return url.origin === base.origin && isSitePath(path) ? path : fallback
}
