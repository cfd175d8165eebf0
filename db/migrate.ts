import { migrateToLatest } from '#app/utils/db.server.ts'
import { runCli } from '#app/utils/startup.server.ts'

await runCli('npm run db:migrate', async ({ db, description }) => {
  const applied = await migrateToLatest(db)
  const summary = applied.length ? `applied ${applied.join(', ')}` : 'nothing to apply'
  console.log(`Database ${description} is up to date (${summary}).`)
})
