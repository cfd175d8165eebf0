import { startEmailWorker } from '#app/utils/email-worker.server.ts'
import { describeStartupError, loadEnvOrExit, openMigratedDatabase } from '#app/utils/startup.server.ts'

// A separate sender for larger deployments: run it next to the app (with EMAIL_WORKER=off there, or not;
// several workers never send the same job). On the embedded database only one process may run at a time.
const env = loadEnvOrExit()
let database
try {
  database = await openMigratedDatabase(env, 'npm run worker')
} catch (error) {
  console.error(describeStartupError(error, env))
  process.exit(1)
}
const openDatabase = database
const stop = startEmailWorker(openDatabase.db)
console.log(
  `Email worker running (${openDatabase.description}; ${env.resend ? 'sending through Resend' : 'no RESEND_API_KEY: emails go to the local mailbox'}).`,
)

async function shutDown(signal: string) {
  console.log(`${signal} received: finishing the emails in flight…`)
  await stop()
  await openDatabase.close()
  process.exit(0)
}
process.once('SIGINT', () => void shutDown('SIGINT'))
process.once('SIGTERM', () => void shutDown('SIGTERM'))
