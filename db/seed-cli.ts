import { migrateToLatest } from '#app/utils/db.server.ts'
import { runCli } from '#app/utils/startup.server.ts'
import { isDatabaseEmpty, seedDemoData } from './seed.ts'

await runCli('npm run db:seed', async ({ db, description }) => {
  await migrateToLatest(db)
  if (!(await isDatabaseEmpty(db))) {
    console.log(`Database ${description} already has data; the demo seed runs only on an empty database.`)
    return
  }
  await seedDemoData(db)
  console.log(`Demo data written to ${description}.`)
})
