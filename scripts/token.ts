import { parseArgs } from 'node:util'
import { findLoginOrganisation, findUserForLogin } from '#app/models/user.server.ts'
import { mintApiToken } from '#app/utils/api-auth.server.ts'
import { prepareDatabase, runCli } from '#app/utils/startup.server.ts'

const usage = 'Usage: npm run token -- --email someone@example.org [--name "what the token is for"]'

function readArguments() {
  try {
    const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } })
    if (values.email) return { email: values.email, name: values.name?.trim() || 'npm run token' }
  } catch {
    // An unknown option gets the same usage line as a missing one.
  }
  console.error(usage)
  process.exit(2)
}

const { email, name } = readArguments()

// Only the token goes to standard output, so `TOKEN=$(npm run --silent token -- --email …)` works.
await runCli('npm run token', async ({ db }) => {
  await prepareDatabase(db, { seedDemo: false })
  const user = await findUserForLogin(db, email)
  const organisation = user ? await findLoginOrganisation(db, user.id) : undefined
  if (!user || !organisation) {
    console.error(`No active user with the email address ${email}. Nothing was created.`)
    process.exitCode = 1
    return
  }
  const { token } = await mintApiToken(db, { userId: user.id, organisationId: organisation.id }, name)
  console.log(token)
})
