import { type AppDb } from '#app/utils/db.server.ts'

/**
 * Two compiled reports (ADR 037): one published, with imported Sotkanet and employment indicators beside its
 * figures, on the organisation's public page; another in its comment round, the team lead as its reviewer.
 */
export async function seedCompiledReports(
  db: AppDb,
  demo: { organisationId: string; coordinatorId: string; reviewerId: string; phenomenonIds: string[]; now: Date },
) {
  if (demo.phenomenonIds.length === 0) return
  await db
    .updateTable('organisations')
    .set({ public_social_reports: true })
    .where('id', '=', demo.organisationId)
    .execute()
  const series = await db
    .insertInto('indicator_series')
    .values([
      {
        organisation_id: demo.organisationId,
        name: 'Toimeentulotukea saaneet henkilöt, % asukkaista',
        source: 'Sotkanet (THL), indikaattori 493',
        imported_by: demo.coordinatorId,
      },
      {
        organisation_id: demo.organisationId,
        name: 'Työttömät, % työvoimasta',
        source: 'Työllisyyskatsaus (TEM)',
        imported_by: demo.coordinatorId,
      },
    ])
    .returning('id')
    .execute()
  const [assistance, unemployment] = series.map((row) => row.id)
  await db
    .insertInto('indicator_values')
    .values([
      { series_id: assistance!, area: 'Koko alue', period: '2023', value: '6.1' },
      { series_id: assistance!, area: 'Koko alue', period: '2024', value: '6.6' },
      { series_id: unemployment!, area: 'Koko alue', period: '2025-Q1', value: '11.8' },
      { series_id: unemployment!, area: 'Koko alue', period: '2025-Q2', value: '10.9' },
    ])
    .execute()
  const day = 24 * 60 * 60 * 1000
  const published = await db
    .insertInto('compiled_reports')
    .values({
      organisation_id: demo.organisationId,
      title: 'Toimeentulo ja asuminen – sosiaalinen raportti',
      narrative:
        '## Mitä työntekijät näkevät\n\nNuorten aikuisten vuokrarästit ja Kelan ohjauksen aukot toistuvat eri ' +
        'kunnissa. Raporttien luvut ja tilastot kertovat samasta suunnasta.\n\n## Ehdotukset\n\n' +
        '- yhteinen puhelinlinja Kelan kanssa\n- asumisneuvonta ensimmäiseen vuokrasuhteeseen',
      stage: 'published',
      version: 4,
      created_by: demo.coordinatorId,
      approved_by: demo.coordinatorId,
      approved_at: new Date(demo.now.getTime() - 3 * day),
      published_at: new Date(demo.now.getTime() - 2 * day),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const inRound = await db
    .insertInto('compiled_reports')
    .values({
      organisation_id: demo.organisationId,
      title: 'Digitaaliset palvelut ja syrjäytyminen – luonnos',
      narrative: 'Asiakkaat ilman verkkopankkitunnuksia jäävät palveluista. Kommentoikaa ennen hyväksymistä.',
      stage: 'comment_round',
      version: 2,
      created_by: demo.coordinatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('compiled_report_phenomena')
    .values([
      ...demo.phenomenonIds.slice(0, 2).map((id) => ({ compiled_report_id: published.id, phenomenon_id: id })),
      { compiled_report_id: inRound.id, phenomenon_id: demo.phenomenonIds.at(-1)! },
    ])
    .execute()
  await db
    .insertInto('compiled_report_indicators')
    .values(series.map((row) => ({ compiled_report_id: published.id, series_id: row.id })))
    .execute()
  await db
    .insertInto('compiled_report_reviewers')
    .values({ compiled_report_id: inRound.id, user_id: demo.reviewerId })
    .execute()
}
