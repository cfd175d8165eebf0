import { type Browser, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { checkPage, launchBrowser, signedInPage } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const visible = (locator: Locator) => locator.isVisible()
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const day = 24 * 60 * 60 * 1000
const isoDay = (date: Date) => date.toISOString().slice(0, 10)

const workingGroup = 'Rakenteellisen sosiaalityön työryhmä'
const kela = 'Kela, Länsi-Suomen vakuutuspiiri'

/** The texts of the reporter's notifications about one report, newest first. */
async function notificationTexts(worker: Page, title: string) {
  await worker.goto('/notifications')
  const entries = worker
    .getByRole('list', { name: 'Päivitykset uusimmasta alkaen' })
    .getByRole('listitem')
    .filter({ has: worker.getByRole('link', { name: title, exact: true }) })
  return (await entries.allTextContents()).join('\n')
}

/** The plain-text bodies of the local mailbox's emails to one address whose subject names the report. */
async function emailsAbout(admin: Page, address: string, title: string) {
  await admin.goto('/admin/mailbox')
  const rows = admin.getByRole('row').filter({ hasText: address }).filter({ hasText: title })
  const links = await rows.getByRole('link').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))
  const bodies: string[] = []
  for (const link of links) {
    await admin.goto(link)
    bodies.push((await admin.locator('pre').first().textContent()) ?? '')
  }
  return bodies.join('\n----\n')
}

test(
  'follow-through: a report sent to the working group and Kela, Kela answers by its link, a committee adopts an action, its follow-up is updated, falls overdue and is done, and the reporter sees every step',
  { timeout: 420_000 },
  async () => {
    const stamp = Date.now()
    const title = `Omaishoitajien vapaapäivät eivät toteudu ${stamp}`
    const adoptedAction = `Sijaishoito järjestetään kotiin omaishoitajan vapaan ajaksi (${stamp}).`
    const otherAction = `Vapaapäivien käytöstä kerrotaan omaishoitajille kirjeellä (${stamp}).`
    const kelaAnswer = `Kela selvittää, miten omaishoitajat ohjataan sosiaalityöhön (${stamp}).`
    const decisionText = `Lautakunta päätti järjestää sijaishoidon kotiin (${stamp}).`
    const itemTitle = `Omaishoitajien vapaat ${stamp}`
    const firstUpdate = `Palvelualue on kartoittanut sijaishoitajat (${stamp}).`
    const secondUpdate = `Sijaishoidon ohje on lausunnolla (${stamp}).`
    const doneUpdate = `Sijaishoito kotiin on käytössä koko alueella (${stamp}).`

    // 1. The worker reports, with two proposed actions; the lead reviews it and forwards it to the committee.
    const worker = await signedInPage(browser, 'tyontekija@demo.example')
    await worker.goto('/reports/new')
    await worker.getByLabel('Otsikko').fill(title)
    await worker
      .getByLabel('Ilmiön kuvaus')
      .fill('Omaishoitajat eivät pidä lakisääteisiä vapaitaan, koska sijaishoitoa ei ole tarjolla kotiin.')
    await worker.getByRole('group', { name: 'Tuen tarve (sosiaalihuoltolaki 11 §)' }).getByLabel('Toimintakyky').check()
    await worker.getByRole('group', { name: 'Asiakasryhmä' }).getByLabel('Ikääntyneet').check()
    await worker.getByLabel('Toimenpide-ehdotus 1', { exact: true }).fill(adoptedAction)
    await worker.getByRole('button', { name: 'Lisää toimenpide-ehdotus' }).click()
    await worker.getByLabel('Toimenpide-ehdotus 2', { exact: true }).fill(otherAction)
    await worker.getByLabel('Vakuutan, ettei raportissa ole asiakkaan tunnistetietoja').check()
    await worker.getByRole('button', { name: 'Lähetä tiimin käsittelyyn' }).click()
    await expect.poll(() => heading(worker)).toBe(title)
    const reportPath = new URL(worker.url()).pathname

    const lead = await signedInPage(browser, 'tiiminvetaja@demo.example')
    await lead.goto(reportPath)
    await lead.getByRole('button', { name: 'Ota käsittelyyn' }).click()
    const forwardForm = lead.locator('form', { has: lead.getByRole('button', { name: 'Vie eteenpäin toimielimelle' }) })
    await expect.poll(() => visible(forwardForm)).toBe(true)
    await forwardForm
      .getByLabel('Toimielin, jolle raportti viedään')
      .selectOption({ label: 'Sosiaali- ja terveyslautakunta' })
    await forwardForm.getByRole('button', { name: 'Vie eteenpäin toimielimelle' }).click()
    await expect.poll(() => visible(lead.getByText('Viety eteenpäin').first())).toBe(true)

    // 2. The lead sends it on to the working group and to Kela at once, with a covering note.
    const sendForm = lead.locator('#send')
    await sendForm.getByLabel(workingGroup).check()
    await sendForm.getByLabel(kela).check()
    await sendForm
      .getByLabel('Saate')
      .fill('Pyydämme arviota siitä, miten omaishoitajien vapaat saataisiin toteutumaan.')
    await sendForm.getByRole('button', { name: 'Lähetä', exact: true }).click()
    await expect.poll(() => visible(lead.getByText('Lähetetty 2 vastaanottajalle.'))).toBe(true)
    await checkPage(lead, 'follow-through-sent')

    // 3. Kela answers through the single-use link in its email; the link does not work twice.
    const admin = await signedInPage(browser, 'paakayttaja@demo.example')
    const subject = new RegExp(`pyyntö vastata – ${escape(title)}`)
    await expect
      .poll(
        async () => {
          await admin.goto('/admin/mailbox')
          return visible(admin.getByRole('link', { name: subject }).first())
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    await admin.getByRole('link', { name: subject }).first().click()
    const link = await admin.locator('pre a', { hasText: '/respond/' }).first().getAttribute('href')
    const kelaContext = await browser.newContext({ baseURL: inject('e2eBaseUrl'), locale: 'fi-FI' })
    const kelaPage = await kelaContext.newPage()
    await kelaPage.goto(link!)
    await kelaPage.getByLabel('Vastaus', { exact: true }).fill(kelaAnswer)
    await kelaPage.getByRole('button', { name: /^Lähetä/ }).click()
    await expect.poll(() => heading(kelaPage)).toBe('Kiitos vastauksesta')
    await kelaPage.goto(link!)
    await expect.poll(() => heading(kelaPage)).not.toBe('Kiitos vastauksesta')
    await kelaContext.close()

    // 4. The committee met twenty days ago; the coordinator puts the report on its agenda and publishes it.
    const coordinator = await signedInPage(browser, 'koordinaattori@demo.example')
    await coordinator.goto('/meetings')
    const planForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Luo kokous' }) })
    await planForm.getByLabel('Toimielin').selectOption({ label: 'Sosiaali- ja terveyslautakunta' })
    await planForm.getByLabel('Aika').fill(`${isoDay(new Date(Date.now() - 20 * day))}T17:00`)
    await planForm.getByLabel('Paikka').fill('Vaasan kaupungintalo')
    await planForm.getByRole('button', { name: 'Luo kokous' }).click()
    await coordinator.waitForURL(/\/meetings\/[0-9a-f-]{36}\?planned=1$/)
    const meetingPath = new URL(coordinator.url()).pathname
    const addForm = coordinator.locator('form', { has: coordinator.getByRole('button', { name: 'Lisää asia' }) })
    await addForm.getByLabel('Otsikko', { exact: true }).fill(itemTitle)
    await addForm
      .getByRole('group', { name: 'Eteenpäin viedyt raportit' })
      .getByLabel(new RegExp(`^${escape(title)} \\(`))
      .check()
    await addForm.getByRole('button', { name: 'Lisää asia' }).click()
    await expect.poll(() => visible(coordinator.getByText('Asia lisätty esityslistalle.'))).toBe(true)
    await coordinator.getByLabel('Esityslista on valmis julkaistavaksi').check()
    await coordinator.getByRole('button', { name: 'Julkaise esityslista' }).click()
    await expect.poll(() => visible(coordinator.getByText(/^Esityslista julkaistu /))).toBe(true)

    // 5. The chair records the decision, adopting one of the two actions with a responsible person and a target
    //    date ten days ago: after the meeting, so allowed, and already past.
    const chair = await signedInPage(browser, 'lautakunta@demo.example')
    await chair.goto(meetingPath)
    const item = chair.getByRole('article', { name: `1 § ${itemTitle}` })
    const decisionForm = item.locator('form', { has: chair.getByRole('button', { name: 'Kirjaa päätös' }) })
    await decisionForm
      .getByRole('group', { name: `Päätös asiassa 1 § ${itemTitle}` })
      .getByLabel('Päätetty toimenpiteistä')
      .check()
    await decisionForm.getByLabel('Päätöksen teksti').fill(decisionText)
    const adopted = decisionForm.getByRole('group', { name: adoptedAction })
    await adopted.getByLabel('Päätös hyväksyy tämän toimenpiteen').check()
    await adopted.getByLabel('Vastuuhenkilö').selectOption({ label: 'Timo Tiiminvetäjä' })
    await adopted.getByLabel('Tavoitepäivä').fill(isoDay(new Date(Date.now() - 10 * day)))
    await checkPage(chair, 'follow-through-decision-form')
    await decisionForm.getByRole('button', { name: 'Kirjaa päätös' }).click()
    await expect.poll(() => visible(chair.getByText(/^Päätös kirjattu\./))).toBe(true)
    await expect.poll(() => visible(item.getByText(decisionText))).toBe(true)

    // The decision and the actions agree: the adopted one is accepted, the other still undecided.
    await worker.goto(reportPath)
    const actions = worker.getByRole('region', { name: 'Toimenpide-ehdotukset' })
    await expect
      .poll(() => visible(actions.locator('li', { hasText: adoptedAction }).getByText('Hyväksytty')))
      .toBe(true)
    expect(await actions.locator('li', { hasText: otherAction }).getByText('Ei vielä päätetty').count()).toBe(1)

    // 6. The responsible person finds it overdue on the board and posts two updates.
    await lead.goto('/follow-ups?overdue=true')
    await expect.poll(() => heading(lead)).toBe('Päätösten seuranta')
    const row = lead.getByRole('row').filter({ hasText: adoptedAction.replace(/\.$/, '') })
    await expect.poll(() => visible(row.getByText(/Myöhässä/).first())).toBe(true)
    await checkPage(lead, 'follow-through-board')
    await row.getByRole('link').first().click()
    await lead.waitForURL(/\/follow-ups\/[0-9a-f-]{36}$/)
    await expect.poll(() => visible(lead.getByText(/Myöhässä/).first())).toBe(true)
    const followUpPath = new URL(lead.url()).pathname
    const postUpdate = async (text: string, status: string | null, progress: string | null) => {
      await lead.getByLabel('Mitä on tapahtunut').fill(text)
      if (status) await lead.getByLabel('Tila', { exact: true }).selectOption({ label: status })
      if (progress) await lead.getByLabel('Edistyminen prosentteina').fill(progress)
      await lead.getByRole('button', { name: 'Tallenna tilannetieto' }).click()
      await expect.poll(() => visible(lead.getByRole('region', { name: 'Tilannetiedot' }).getByText(text))).toBe(true)
    }
    await postUpdate(firstUpdate, 'Käynnissä', '40')
    await postUpdate(secondUpdate, null, '80')
    await checkPage(lead, 'follow-through-follow-up')

    // 7. The clock marks it overdue for everyone who follows it (the worker's sweep), then the lead marks it done.
    await expect
      .poll(() => notificationTexts(worker, title), { timeout: 150_000, interval: 5_000 })
      .toMatch(/on myöhässä/)
    await lead.goto(followUpPath)
    await postUpdate(doneUpdate, 'Valmis', '100')
    expect(await lead.getByText(/Myöhässä/).count()).toBe(0)

    // 8. The reporter sees every step: in the bell, on the report's timeline and chain, and by email.
    const bell = await notificationTexts(worker, title)
    for (const step of [
      `Lähetettiin: ${workingGroup}`,
      `Lähetettiin: ${kela}`,
      `Vastaus: ${kela}`,
      kelaAnswer,
      'Toimielimen päätös: Päätetty toimenpiteistä',
      decisionText,
      firstUpdate,
      secondUpdate,
      'on myöhässä',
      doneUpdate,
      ': Valmis',
    ]) {
      expect(bell, step).toContain(step)
    }
    await checkPage(worker, 'follow-through-notifications')

    await worker.goto(reportPath)
    const timeline = worker.getByRole('region', { name: 'Vaiheet' })
    const steps = (await timeline.locator('li > p.font-semibold').allTextContents()).join('\n')
    for (const step of [
      `Lähetettiin: ${workingGroup}`,
      `Lähetettiin: ${kela}`,
      `Vastaus: ${kela}`,
      'Toimielimen päätös: Päätetty toimenpiteistä',
      'Käynnissä',
      'on myöhässä',
      'Valmis',
    ]) {
      expect(steps, step).toContain(step)
    }
    const chain = worker.getByRole('region', { name: 'Mitä asialle on tehty' })
    expect(await chain.getByText(kelaAnswer).isVisible()).toBe(true)
    expect(await chain.getByText(workingGroup).first().isVisible()).toBe(true)
    expect(await chain.getByText('Valmis').first().isVisible()).toBe(true)
    await worker.setViewportSize({ width: 390, height: 844 })
    await checkPage(worker, 'follow-through-report-390')
    await worker.setViewportSize({ width: 1280, height: 900 })
    await checkPage(worker, 'follow-through-report-1280')

    const emails = await emailsAbout(admin, 'tyontekija@demo.example', title)
    for (const step of [kelaAnswer, decisionText, firstUpdate, secondUpdate, doneUpdate, 'myöhässä']) {
      expect(emails, step).toContain(step)
    }

    for (const page of [worker, lead, admin, coordinator, chair]) await page.context().close()
  },
)
