import { canDeliverEmail } from '#app/utils/email.server.ts'
import { startEmailWorker } from '#app/utils/email-worker.server.ts'
import { describeStartupError, loadEnvOrExit, openPreparedDatabase } from '#app/utils/startup.server.ts'

// A separate sender for larger deployments: run it next to the app (with EMAIL_WORKER=off there, or not;
// several workers never send the same job). On the embedded database only one process may run at a time.
const env = loadEnvOrExit()
if (!canDeliverEmail(env)) {
  console.error(
    'The email worker needs a sender: set RESEND_API_KEY and EMAIL_FROM (only demo mode keeps emails in the local mailbox). Queued emails wait until then.',
  )
  process.exit(1)
}
let database
try {
  database = await openPreparedDatabase(env, 'npm run worker', { seedDemo: false })
} catch (error) {
  console.error(describeStartupError(error, env))
  process.exit(1)
}
const openDatabase = database
const stop = startEmailWorker(openDatabase.db)
console.log(
  `Email worker running (${openDatabase.description}; ${env.resend ? 'sending through Resend' : 'demo mode without RESEND_API_KEY: emails go to the local mailbox'}).`,
)

async function shutDown(signal: string) {
  console.log(`${signal} received: finishing the emails in flight…`)
  await stop()
  await openDatabase.close()
  process.exit(0)
}
process.once('SIGINT', () => void shutDown('SIGINT'))
process.once('SIGTERM', () => void shutDown('SIGTERM'))
