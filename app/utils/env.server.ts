import { z } from 'zod'

const booleanString = z.enum(['true', 'false'], { error: 'expected "true" or "false"' })

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port number between 1 and 65535')
    .max(65535, 'expected a port number between 1 and 65535')
    .default(3000),
  DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  DEMO: booleanString.optional(),
  APP_URL: z.url({ error: 'expected the public address of the app, like https://raportointi.example.fi' }).optional(),
  RESEND_API_KEY: z.string().trim().min(1).optional(),
  EMAIL_FROM: z
    .string()
    .trim()
    .min(3, 'expected a sender like "Sosiaalinen raportointi <noreply@example.fi>"')
    .optional(),
  /** Where Resend's API answers (the name its SDK reads); only a stand-in for Resend, the benchmark's, changes it. */
  RESEND_BASE_URL: z.url({ error: 'expected the address of the Resend API' }).default('https://api.resend.com'),
  EMAIL_WORKER: z.enum(['in-app', 'off'], { error: 'expected "in-app" or "off"' }).default('in-app'),
  /** Requests a second that every worker together makes to Resend, which by default accepts 2 a second per team. */
  EMAIL_RATE_PER_SECOND: z.coerce
    .number({ error: 'expected a number of requests a second' })
    .positive('expected a positive number of requests a second')
    .default(2),
  SESSION_IDLE_HOURS: z.coerce
    .number({ error: 'expected a number of hours' })
    .positive('expected a positive number of hours')
    .default(8),
  OIDC_ISSUER: z.url({ error: 'expected the issuer address of the OpenID Connect provider' }).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
  OIDC_ALLOWED_EMAIL_DOMAINS: z
    .string()
    .transform((list) => list.split(',').map((domain) => domain.trim().toLowerCase().replace(/^@/, '')))
    .pipe(
      z
        .array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected email domains separated by commas'))
        .min(1, 'expected email domains separated by commas'),
    )
    .optional(),
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(100, 'expected at most 100 characters').optional(),
})

const oidcVariables = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ALLOWED_EMAIL_DOMAINS'] as const

/** Single sign-on through an OpenID Connect provider; on only when all its variables are set. */
export interface OidcSettings {
  issuer: string
  clientId: string
  clientSecret: string
  allowedEmailDomains: string[]
  /** The sign-in button's own text, e.g. the county's name for its accounts; the translated default otherwise. */
  buttonLabel: string | null
}

export type Env = z.infer<typeof EnvSchema> & {
  /** Demo mode lists demo accounts and seeds demo data; off by default once a real database is configured. */
  demo: boolean
  secureCookies: boolean
  /** Where links in emails point. */
  appUrl: string
  /**
   * Emails go through Resend only when both the key and the sender are set; otherwise, in demo mode only, to the
   * local mailbox, and outside it they wait in the queue.
   */
  resend: { apiKey: string; from: string; apiUrl: string } | null
  /** Null when single sign-on is not configured. */
  oidc: OidcSettings | null
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const result = EnvSchema.safeParse(present)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    throw new EnvError(`Invalid environment variable ${name}: ${issue.message}.`)
  }
  const demo = result.data.DEMO ? result.data.DEMO === 'true' : !result.data.DATABASE_URL
  const { RESEND_API_KEY: apiKey, EMAIL_FROM: from } = result.data
  if (Boolean(apiKey) !== Boolean(from)) {
    throw new EnvError('Invalid environment variable EMAIL_FROM: RESEND_API_KEY and EMAIL_FROM are set together.')
  }
  const oidc = oidcSettingsOf(result.data)
  return {
    ...result.data,
    demo,
    secureCookies: result.data.NODE_ENV === 'production' && !demo,
    appUrl: (result.data.APP_URL ?? `http://localhost:${result.data.PORT}`).replace(/\/+$/, ''),
    resend: apiKey && from ? { apiKey, from, apiUrl: result.data.RESEND_BASE_URL.replace(/\/+$/, '') } : null,
    oidc,
  }
}

function oidcSettingsOf(parsed: z.infer<typeof EnvSchema>): OidcSettings | null {
  const missing = oidcVariables.filter((name) => !parsed[name])
  if (missing.length === oidcVariables.length) return null
  if (missing.length > 0) {
    throw new EnvError(
      `Invalid environment variable ${missing[0]}: single sign-on needs ${oidcVariables.join(', ')} set together.`,
    )
  }
  return {
    issuer: parsed.OIDC_ISSUER!,
    clientId: parsed.OIDC_CLIENT_ID!,
    clientSecret: parsed.OIDC_CLIENT_SECRET!,
    allowedEmailDomains: parsed.OIDC_ALLOWED_EMAIL_DOMAINS!,
    buttonLabel: parsed.OIDC_BUTTON_LABEL ?? null,
  }
}

let cachedEnv: Env | undefined

export function getEnv(): Env {
  cachedEnv ??= parseEnv(process.env)
  return cachedEnv
}
