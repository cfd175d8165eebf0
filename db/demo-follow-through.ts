import { helsinkiDay } from '#app/domain/digest.ts'
import { type FollowUpStatus } from '#app/domain/follow-ups.ts'
import { parseHelsinkiDateTime } from '#app/domain/meetings.ts'
import {
  type ActionOutcome,
  type AgendaDecision,
  type ReportEventType,
  type ReportStatus,
} from '#app/models/database.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { createFollowUp, createRecipient, createSending } from '#tests/factories/follow-through.ts'

/**
 * The follow-through in the demo: the bodies reports are sent to (the structural social work working group, a
 * municipality's welfare work, Kela, the management group), sendings with their answers, and a past meeting whose
 * decisions adopted proposed actions and set tasks, followed up in every state, one of them overdue. Every step is a
 * report event with the reporter's notification, so timelines and bells tell it.
 */

const day = 24 * 60 * 60 * 1000

export interface FollowThroughDemo {
  organisationId: string
  committeeId: string
  chairId: string
  leadId: string
  coordinatorId: string
  municipalityId: string
  /** The teams that take on the adopted actions: adult social work, youth services, elderly services. */
  teamIds: { adults: string; youth: string; elderly: string }
  /** The report the committee decided (left on the agenda until then), adopting one action and asking for an inquiry. */
  caregiverReport: DemoReport
  /** When the past meeting's agenda was published: the caregivers' report went on it then. */
  meetingPublishedAt: Date
  /** Decided reports whose adopted actions are followed up in the other states. */
  decided: DemoReport[]
  /** A report already in the welfare report, sent to the working group, which answered. */
  inWelfareReport: DemoReport | null
  /** A phenomenon with its reports: sent to Kela, which answered, and to the working group. */
  kelaPhenomenon: { id: string; reports: DemoReport[] } | null
  now: Date
}

export interface DemoReport {
  id: string
  authorId: string
}

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T12:00:00Z`).getTime() + days * day).toISOString().slice(0, 10)
}

function finnishDate(date: string): string {
  const [year, month, dayOfMonth] = date.split('-').map(Number)
  return `${dayOfMonth}.${month}.${year}`
}

/** The inquiry the committee asked for is due at the end of March 2027, unless the demo runs later than that. */
export function inquiryTargetDate(decidedOn: string): string {
  return decidedOn <= '2027-03-31' ? '2027-03-31' : addDays(decidedOn, 120)
}

interface DemoEvent {
  type: ReportEventType
  actorId: string | null
  at: Date
  /** A status change: the committee's decision moving the report on. */
  move?: { from: ReportStatus; to: ReportStatus; decision: AgendaDecision; committeeId: string; agendaItemId: string }
  comment?: string | null
  sendingId?: string
  followUpId?: string
  followUpUpdateId?: string
  proposedActionId?: string
  actionOutcome?: ActionOutcome
}

/** Records an event on each report and tells each reporter in their bell, as the flows do; never the actor. */
async function recordEvent(db: AppDb, organisationId: string, reports: DemoReport[], event: DemoEvent) {
  for (const report of reports) {
    const row = await db
      .insertInto('report_events')
      .values({
        report_id: report.id,
        organisation_id: organisationId,
        actor_id: event.actorId,
        type: event.type,
        comment: event.comment ?? null,
        from_status: event.move?.from ?? null,
        to_status: event.move?.to ?? null,
        decision: event.move?.decision ?? null,
        committee_id: event.move?.committeeId ?? null,
        agenda_item_id: event.move?.agendaItemId ?? null,
        sending_id: event.sendingId ?? null,
        follow_up_id: event.followUpId ?? null,
        follow_up_update_id: event.followUpUpdateId ?? null,
        proposed_action_id: event.proposedActionId ?? null,
        action_outcome: event.actionOutcome ?? null,
        created_at: event.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (report.authorId === event.actorId) continue
    await db
      .insertInto('notifications')
      .values({
        organisation_id: organisationId,
        user_id: report.authorId,
        event_id: row.id,
        report_id: report.id,
        reason: 'author',
        created_at: event.at,
      })
      .execute()
  }
}

export async function seedFollowThrough(db: AppDb, demo: FollowThroughDemo) {
  const { organisationId, now } = demo
  const ago = (days: number) => new Date(now.getTime() - days * day)
  const event = (reports: DemoReport[], values: DemoEvent) => recordEvent(db, organisationId, reports, values)

  const workingGroup = await createRecipient(db, {
    organisationId,
    kind: 'working_group',
    name: 'Rakenteellisen sosiaalityön työryhmä',
    nameSv: 'Arbetsgruppen för strukturellt socialt arbete',
    memberIds: [demo.leadId],
  })
  const municipalWelfare = await createRecipient(db, {
    organisationId,
    kind: 'municipal_welfare',
    name: 'Närpiön kaupungin hyvinvointityö',
    nameSv: 'Närpes stads välfärdsarbete',
    municipalityId: demo.municipalityId,
  })
  const kela = await createRecipient(db, {
    organisationId,
    kind: 'partner',
    name: 'Kela, Länsi-Suomen vakuutuspiiri',
    contactEmail: 'kela@example.fi',
  })
  const managementGroup = await createRecipient(db, {
    organisationId,
    kind: 'management_group',
    name: 'Sosiaali- ja terveyspalvelujen johtoryhmä',
  })

  // Sent on: a phenomenon to Kela (answered through its link) and the working group; reports to the working group
  // (answered by its member) and to a municipality's welfare work (not yet answered).
  if (demo.kelaPhenomenon) {
    const reports = demo.kelaPhenomenon.reports
    const note = 'Kela ei ohjaa asiakkaita sosiaalityöhön. Pyydämme arviota siitä, miten ohjaus voitaisiin sopia.'
    const answer =
      'Kela ottaa käyttöön sosiaalityön konsultaatiopuhelimen Pohjanmaalla ja sopii yhteispalaverit kahdesti vuodessa.'
    const toKela = await createSending(db, {
      organisationId,
      recipientId: kela.id,
      phenomenonId: demo.kelaPhenomenon.id,
      sentBy: demo.coordinatorId,
      coveringNote: note,
      sentAt: ago(45),
      reply: { text: answer, at: ago(31), byName: 'Kaarina Kelanen, palvelupäällikkö' },
    })
    await event(reports, {
      type: 'sent_to_recipient',
      actorId: demo.coordinatorId,
      at: ago(45),
      comment: note,
      sendingId: toKela.id,
    })
    await event(reports, {
      type: 'recipient_answered',
      actorId: null,
      at: ago(31),
      comment: answer,
      sendingId: toKela.id,
    })
    const toGroup = await createSending(db, {
      organisationId,
      recipientId: workingGroup.id,
      phenomenonId: demo.kelaPhenomenon.id,
      sentBy: demo.coordinatorId,
      coveringNote: 'Työryhmän arvioitavaksi: koskee kaikkia kuntia.',
      sentAt: ago(45),
      state: 'received',
    })
    await db
      .updateTable('sendings')
      .set({ received_at: ago(40) })
      .where('id', '=', toGroup.id)
      .execute()
    await event(reports, {
      type: 'sent_to_recipient',
      actorId: demo.coordinatorId,
      at: ago(45),
      comment: 'Työryhmän arvioitavaksi: koskee kaikkia kuntia.',
      sendingId: toGroup.id,
    })
  }
  if (demo.inWelfareReport) {
    const answer = 'Työryhmä kokoaa jonotilanteen kaikista kunnista ja vie sen johtoryhmälle keväällä.'
    const sending = await createSending(db, {
      organisationId,
      recipientId: workingGroup.id,
      reportId: demo.inWelfareReport.id,
      sentBy: demo.coordinatorId,
      sentAt: ago(70),
      reply: { text: answer, at: ago(55), byUserId: demo.leadId },
    })
    await event([demo.inWelfareReport], {
      type: 'sent_to_recipient',
      actorId: demo.coordinatorId,
      at: ago(70),
      sendingId: sending.id,
    })
    await event([demo.inWelfareReport], {
      type: 'recipient_answered',
      actorId: demo.leadId,
      at: ago(55),
      comment: answer,
      sendingId: sending.id,
    })
  }

  // A past meeting decided on the caregivers' report and on three others; its decisions are followed up.
  const meetingDay = helsinkiDay(ago(60))
  const decidedAt = parseHelsinkiDateTime(`${meetingDay}T19:00`)!
  const meeting = await db
    .insertInto('meetings')
    .values({
      organisation_id: organisationId,
      committee_id: demo.committeeId,
      starts_at: parseHelsinkiDateTime(`${meetingDay}T17:00`)!,
      place: 'Vaasan kaupungintalo, valtuustosali',
      published_at: demo.meetingPublishedAt,
      published_by: demo.coordinatorId,
      created_by: demo.coordinatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const inquiryTarget = inquiryTargetDate(meetingDay)
  const decisionText =
    'Lautakunta pyytää palvelualuejohtajalta selvityksen omaishoidon sijaishoidon järjestämisestä ' +
    `${finnishDate(inquiryTarget)} mennessä ja ottaa käyttöön sijaishoitajapoolin omaishoitajien vapaapäiville.`
  const caregiverItem = await db
    .insertInto('agenda_items')
    .values({
      organisation_id: organisationId,
      meeting_id: meeting.id,
      position: 1,
      title: 'Omaishoitajien vapaapäivien sijaishoito',
      summary: 'Ikääntyneiden palveluiden tiimi on havainnut, että omaishoitajat jättävät **vapaapäivänsä** pitämättä.',
      proposal: 'Lautakunta pyytää selvityksen sijaishoidon järjestämisestä ja ottaa käyttöön sijaishoitajapoolin.',
      decision: 'decided',
      decision_text: decisionText,
      decided_by: demo.chairId,
      decided_at: decidedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const findingsText = 'Merkittiin tiedoksi; valmistellaan toimenpiteet seuraavaan kokoukseen.'
  const findingsItem = await db
    .insertInto('agenda_items')
    .values({
      organisation_id: organisationId,
      meeting_id: meeting.id,
      position: 2,
      title: 'Sosiaalityön havainnot etuuksista, palvelutarpeen arvioinnista ja nuorten asumisesta',
      decision: 'decided',
      decision_text: findingsText,
      decided_by: demo.chairId,
      decided_at: decidedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('agenda_item_reports')
    .values([
      { agenda_item_id: caregiverItem.id, report_id: demo.caregiverReport.id },
      ...demo.decided.map((report) => ({ agenda_item_id: findingsItem.id, report_id: report.id })),
    ])
    .execute()

  /** Records an action's outcome as the decision form does: with the decision as its reason, told to the reporter. */
  const decideAction = async (report: DemoReport, actionId: string, outcome: ActionOutcome, reason: string) => {
    await db
      .updateTable('proposed_actions')
      .set({ outcome, outcome_reason: reason, outcome_by: demo.chairId, outcome_at: decidedAt })
      .where('id', '=', actionId)
      .execute()
    await event([report], {
      type: 'action_outcome',
      actorId: demo.chairId,
      at: decidedAt,
      comment: reason,
      proposedActionId: actionId,
      actionOutcome: outcome,
    })
  }
  const actionsOf = (report: DemoReport) =>
    db
      .selectFrom('proposed_actions')
      .select(['id', 'description'])
      .where('report_id', '=', report.id)
      .orderBy('position')
      .execute()

  /** A follow-up, the events of its creation and of each update, and the overdue mark when it fell behind. */
  const followUp = async (
    report: DemoReport,
    values: {
      title: string
      agendaItemId: string
      proposedActionId?: string
      targetDate: string
      responsibleRecipientId?: string
      responsibleTeamId?: string
      responsibleUserId?: string
      status: FollowUpStatus
      statusReason?: string
      progress?: number
      updates: { body: string; daysAgo: number; status?: FollowUpStatus; progress?: number }[]
      overdueSinceDaysAgo?: number
    },
  ) => {
    const created = await createFollowUp(db, {
      organisationId,
      title: values.title,
      decidedOn: meetingDay,
      targetDate: values.targetDate,
      reportIds: [report.id],
      agendaItemId: values.agendaItemId,
      proposedActionId: values.proposedActionId ?? null,
      responsibleRecipientId: values.responsibleRecipientId ?? null,
      responsibleTeamId: values.responsibleTeamId ?? null,
      responsibleUserId: values.responsibleUserId ?? null,
      status: values.status,
      statusReason: values.statusReason ?? null,
      progress: values.progress ?? null,
      createdBy: demo.chairId,
      createdAt: decidedAt,
      updates: values.updates.map((update) => ({
        body: update.body,
        at: ago(update.daysAgo),
        authorId: demo.coordinatorId,
        status: update.status,
        progress: update.progress,
      })),
    })
    await event([report], { type: 'follow_up_created', actorId: demo.chairId, at: decidedAt, followUpId: created.id })
    for (const [index, update] of values.updates.entries()) {
      await event([report], {
        type: 'follow_up_updated',
        actorId: demo.coordinatorId,
        at: ago(update.daysAgo),
        comment: update.body,
        followUpId: created.id,
        followUpUpdateId: created.updateIds[index]!,
      })
    }
    if (values.overdueSinceDaysAgo !== undefined) {
      const noted = ago(values.overdueSinceDaysAgo)
      await db.updateTable('follow_ups').set({ overdue_noted_at: noted }).where('id', '=', created.id).execute()
      await event([report], { type: 'follow_up_overdue', actorId: null, at: noted, followUpId: created.id })
    }
  }

  // The caregivers' report: the decision adopts the respite pool and sets the inquiry; the other action waits for it.
  await event([demo.caregiverReport], {
    type: 'status_changed',
    actorId: demo.chairId,
    at: decidedAt,
    comment: decisionText,
    move: {
      from: 'on_agenda',
      to: 'decided',
      decision: 'decided',
      committeeId: demo.committeeId,
      agendaItemId: caregiverItem.id,
    },
  })
  const [pool, guide] = await actionsOf(demo.caregiverReport)
  await decideAction(demo.caregiverReport, pool!.id, 'accepted', decisionText)
  await decideAction(
    demo.caregiverReport,
    guide!.id,
    'rejected',
    'Ei otettu päätökseen nyt: hakuohje kirjoitetaan, kun selvitys sijaishoidon järjestämisestä on valmis.',
  )
  await followUp(demo.caregiverReport, {
    title: 'Selvitys omaishoidon sijaishoidon järjestämisestä',
    agendaItemId: caregiverItem.id,
    targetDate: inquiryTarget,
    responsibleRecipientId: managementGroup.id,
    status: 'in_progress',
    progress: 30,
    updates: [
      { body: 'Selvityksen runko hyväksytty johtoryhmässä.', daysAgo: 45, status: 'in_progress', progress: 10 },
      { body: 'Kuntien lyhytaikaishoidon paikkatilanne koottu.', daysAgo: 12, progress: 30 },
    ],
  })
  await followUp(demo.caregiverReport, {
    title: 'Sijaishoitajapooli omaishoitajien vapaapäiville',
    agendaItemId: caregiverItem.id,
    proposedActionId: pool!.id,
    targetDate: addDays(meetingDay, 180),
    responsibleTeamId: demo.teamIds.elderly,
    responsibleUserId: demo.leadId,
    status: 'in_progress',
    progress: 60,
    updates: [
      { body: 'Kaksi sijaishoitajaa rekrytoitu.', daysAgo: 30, status: 'in_progress', progress: 40 },
      { body: 'Pooli käytössä Närpiössä; Vaasa ja Mustasaari seuraavaksi.', daysAgo: 8, progress: 60 },
    ],
  })
  const toMunicipality = await createSending(db, {
    organisationId,
    recipientId: municipalWelfare.id,
    reportId: demo.caregiverReport.id,
    sentBy: demo.coordinatorId,
    coveringNote: 'Kunnan hyvinvointikertomukseen: omaishoitajien jaksaminen.',
    sentAt: ago(50),
  })
  await event([demo.caregiverReport], {
    type: 'sent_to_recipient',
    actorId: demo.coordinatorId,
    at: ago(50),
    comment: 'Kunnan hyvinvointikertomukseen: omaishoitajien jaksaminen.',
    sendingId: toMunicipality.id,
  })

  // The other decided reports: one follow-up done, one not started, one overdue, one not carried out.
  const [benefits, assessment, housing] = demo.decided
  if (benefits) {
    const [action] = await actionsOf(benefits)
    await decideAction(benefits, action!.id, 'accepted', findingsText)
    await followUp(benefits, {
      title: 'Etuusneuvonta eläkeläisille',
      agendaItemId: findingsItem.id,
      proposedActionId: action!.id,
      targetDate: addDays(meetingDay, 90),
      responsibleTeamId: demo.teamIds.elderly,
      status: 'done',
      progress: 100,
      updates: [
        { body: 'Neuvonta-ajat sovittu kirjastoihin.', daysAgo: 40, status: 'in_progress', progress: 50 },
        { body: 'Neuvonta vakiintunut kolmeen kuntaan.', daysAgo: 10, status: 'done', progress: 100 },
      ],
    })
  }
  if (assessment) {
    const [repeat, oral] = await actionsOf(assessment)
    await decideAction(assessment, repeat!.id, 'accepted', findingsText)
    await decideAction(assessment, oral!.id, 'accepted', findingsText)
    await followUp(assessment, {
      title: 'Palvelutarpeen arviointi toistetaan puolen vuoden välein',
      agendaItemId: findingsItem.id,
      proposedActionId: repeat!.id,
      targetDate: addDays(meetingDay, 150),
      responsibleTeamId: demo.teamIds.adults,
      status: 'not_started',
      updates: [],
    })
    await followUp(assessment, {
      title: 'Suulliset arviointimuodot käyttöön',
      agendaItemId: findingsItem.id,
      proposedActionId: oral!.id,
      targetDate: addDays(meetingDay, 40),
      responsibleRecipientId: workingGroup.id,
      responsibleUserId: demo.leadId,
      status: 'in_progress',
      progress: 30,
      updates: [{ body: 'Tulkkien kanssa sovittu kokeilusta.', daysAgo: 35, status: 'in_progress', progress: 30 }],
      overdueSinceDaysAgo: 19,
    })
  }
  if (housing) {
    const [action] = await actionsOf(housing)
    await decideAction(housing, action!.id, 'accepted', findingsText)
    const reason = 'Vuokrataloyhtiö ei lähtenyt mukaan; asumisinfot jatkuvat asumisneuvonnan omina tilaisuuksina.'
    await followUp(housing, {
      title: 'Asumisinfot nuorille yhdessä vuokrataloyhtiön kanssa',
      agendaItemId: findingsItem.id,
      proposedActionId: action!.id,
      targetDate: addDays(meetingDay, 60),
      responsibleTeamId: demo.teamIds.youth,
      status: 'not_carried_out',
      statusReason: reason,
      updates: [{ body: reason, daysAgo: 5, status: 'not_carried_out' }],
    })
  }
  return { meetingId: meeting.id, caregiverItemId: caregiverItem.id }
}
