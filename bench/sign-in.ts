/** Signs in over HTTP as a browser would and returns the Cookie header that carries the session. */
export async function signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const loginPage = await fetch(`${baseUrl}/login`)
  const csrfCookie = cookiePair(loginPage.headers.getSetCookie(), 'sr_csrf')
  const csrfToken = /name="csrf" value="([^"]+)"/.exec(await loginPage.text())?.[1]
  if (!csrfCookie || !csrfToken) throw new Error('GET /login gave no CSRF cookie and token')

  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: csrfCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: csrfToken, email: credentials.email, password: credentials.password }),
  })
  await response.body?.cancel()
  const sessionCookie = cookiePair(response.headers.getSetCookie(), 'sr_session')
  if (response.status !== 302 || !sessionCookie) {
    throw new Error(`signing in as ${credentials.email} answered ${response.status} without a session cookie`)
  }
  return `${csrfCookie}; ${sessionCookie}`
}

/** `name=value` of one Set-Cookie header, without its attributes. */
function cookiePair(setCookies: string[], name: string): string | null {
  return setCookies.map((header) => header.split(';')[0]!).find((pair) => pair.startsWith(`${name}=`)) ?? null
}
