import { prepareDatabase, runCli } from '#app/utils/startup.server.ts'

await runCli('npm run db:migrate', async ({ db, description }) => {
  const { applied } = await prepareDatabase(db, { seedDemo: false })
  const summary = applied.length ? `applied ${applied.join(', ')}` : 'nothing to apply'
  console.log(`Database ${description} is up to date (${summary}).`)
})
