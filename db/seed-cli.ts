import { prepareDatabase, runCli } from '#app/utils/startup.server.ts'

await runCli('npm run db:seed', async ({ db, description }) => {
  const { seeded } = await prepareDatabase(db, { seedDemo: true })
  console.log(
    seeded
      ? `Demo data written to ${description}.`
      : `Database ${description} already has data; the demo seed runs only on an empty database.`,
  )
})
