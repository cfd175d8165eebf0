import { createCookie } from '@remix-run/node'
import { getEnv } from './env.server.ts'

const oneYear = 60 * 60 * 24 * 365

function appCookie(name: string, maxAge?: number) {
  return createCookie(name, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: getEnv().secureCookies,
    maxAge,
  })
}

/** Holds the random session token; the database stores only its hash. */
export const sessionCookie = () => appCookie('sr_session')
export const csrfCookie = () => appCookie('sr_csrf')
export const localeCookie = () => appCookie('sr_lang', oneYear)
