/**
 * The follow-through's shared words in every language: recipient kinds, sending states, follow-up statuses and
 * how the timeline, the notifications and the emails tell each step. The Finnish keys define the rest.
 */
const fi = {
  'recipientKind.committee': 'Toimielin',
  'recipientKind.working_group': 'Rakenteellisen sosiaalityön työryhmä',
  'recipientKind.management_group': 'Johtoryhmä',
  'recipientKind.municipal_welfare': 'Kunnan hyvinvointityö',
  'recipientKind.partner': 'Yhteistyökumppani',

  'sendingState.sent': 'Lähetetty',
  'sendingState.received': 'Vastaanotettu',
  'sendingState.answered': 'Vastattu',
  'sendingState.returned': 'Palautettu',

  'followUpStatus.not_started': 'Ei aloitettu',
  'followUpStatus.in_progress': 'Käynnissä',
  'followUpStatus.done': 'Valmis',
  'followUpStatus.not_carried_out': 'Ei toteutettu',
  'followUp.overdue': 'Myöhässä',

  'timeline.sentToRecipient': 'Lähetettiin: {recipient}',
  'timeline.recipientAnswered': 'Vastaus: {recipient}',
  'timeline.sendingReturned': '{recipient} palautti asian vastaamatta',
  'timeline.followUpCreated': 'Seuranta alkoi: ”{followUp}”',
  'timeline.followUpUpdated': 'Seuranta ”{followUp}”: {status}',
  'timeline.followUpOverdue': 'Seuranta ”{followUp}” on myöhässä',
  'timeline.followUpLink': 'Avaa seuranta ”{followUp}”',

  'email.event.sent_to_recipient': '{actor} lähetti asian vastaanottajalle {recipient}.',
  'email.event.recipient_answered': '{recipient} vastasi.',
  'email.event.sending_returned': '{recipient} palautti asian vastaamatta.',
  'email.event.follow_up_created': '{actor} kirjasi seurattavan tehtävän ”{followUp}”.',
  'email.event.follow_up_updated': '{actor} päivitti seurattavaa tehtävää ”{followUp}”.',
  'email.event.follow_up_overdue': 'Seurattava tehtävä ”{followUp}” on myöhässä tavoitepäivästään.',
  'email.comment.coveringNote': 'Saate',
  'email.comment.answer': 'Vastaus',
  'email.comment.update': 'Tilannetieto',

  'admin.email.kind.partner_request': 'Pyyntö yhteistyökumppanille',
  'admin.email.kind.partner_reminder': 'Muistutus yhteistyökumppanille',
  'admin.email.kind.member_request': 'Lähetys tahon jäsenelle',
  'admin.email.kind.follow_up_reminder': 'Muistutus myöhässä olevista seurannoista',
} as const

type Catalog = Record<keyof typeof fi, string>

export const followThroughMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'recipientKind.committee': 'Organ',
    'recipientKind.working_group': 'Arbetsgruppen för strukturellt socialt arbete',
    'recipientKind.management_group': 'Ledningsgrupp',
    'recipientKind.municipal_welfare': 'Kommunens välfärdsarbete',
    'recipientKind.partner': 'Samarbetspartner',

    'sendingState.sent': 'Skickat',
    'sendingState.received': 'Mottaget',
    'sendingState.answered': 'Besvarat',
    'sendingState.returned': 'Returnerat',

    'followUpStatus.not_started': 'Inte påbörjad',
    'followUpStatus.in_progress': 'Pågår',
    'followUpStatus.done': 'Klar',
    'followUpStatus.not_carried_out': 'Inte genomförd',
    'followUp.overdue': 'Försenad',

    'timeline.sentToRecipient': 'Skickades till: {recipient}',
    'timeline.recipientAnswered': 'Svar: {recipient}',
    'timeline.sendingReturned': '{recipient} returnerade ärendet utan svar',
    'timeline.followUpCreated': 'Uppföljning inleddes: ”{followUp}”',
    'timeline.followUpUpdated': 'Uppföljning ”{followUp}”: {status}',
    'timeline.followUpOverdue': 'Uppföljning ”{followUp}” är försenad',
    'timeline.followUpLink': 'Öppna uppföljningen ”{followUp}”',

    'email.event.sent_to_recipient': '{actor} skickade ärendet till {recipient}.',
    'email.event.recipient_answered': '{recipient} svarade.',
    'email.event.sending_returned': '{recipient} returnerade ärendet utan svar.',
    'email.event.follow_up_created': '{actor} förde in uppgiften ”{followUp}” för uppföljning.',
    'email.event.follow_up_updated': '{actor} uppdaterade uppföljningen av ”{followUp}”.',
    'email.event.follow_up_overdue': 'Uppgiften ”{followUp}” har passerat sitt måldatum.',
    'email.comment.coveringNote': 'Följebrev',
    'email.comment.answer': 'Svar',
    'email.comment.update': 'Lägesrapport',

    'admin.email.kind.partner_request': 'Begäran till samarbetspartner',
    'admin.email.kind.partner_reminder': 'Påminnelse till samarbetspartner',
    'admin.email.kind.member_request': 'Försändelse till en medlem',
    'admin.email.kind.follow_up_reminder': 'Påminnelse om försenade uppföljningar',
  },
  en: {
    'recipientKind.committee': 'Committee',
    'recipientKind.working_group': 'Structural social work working group',
    'recipientKind.management_group': 'Management group',
    'recipientKind.municipal_welfare': "Municipality's welfare work",
    'recipientKind.partner': 'Partner',

    'sendingState.sent': 'Sent',
    'sendingState.received': 'Received',
    'sendingState.answered': 'Answered',
    'sendingState.returned': 'Returned',

    'followUpStatus.not_started': 'Not started',
    'followUpStatus.in_progress': 'In progress',
    'followUpStatus.done': 'Done',
    'followUpStatus.not_carried_out': 'Not carried out',
    'followUp.overdue': 'Overdue',

    'timeline.sentToRecipient': 'Sent to: {recipient}',
    'timeline.recipientAnswered': 'Answer from: {recipient}',
    'timeline.sendingReturned': '{recipient} returned it without an answer',
    'timeline.followUpCreated': 'Follow-up started: “{followUp}”',
    'timeline.followUpUpdated': 'Follow-up “{followUp}”: {status}',
    'timeline.followUpOverdue': 'Follow-up “{followUp}” is overdue',
    'timeline.followUpLink': 'Open the follow-up “{followUp}”',

    'email.event.sent_to_recipient': '{actor} sent it to {recipient}.',
    'email.event.recipient_answered': '{recipient} answered.',
    'email.event.sending_returned': '{recipient} returned it without an answer.',
    'email.event.follow_up_created': '{actor} recorded the task “{followUp}” to follow up.',
    'email.event.follow_up_updated': '{actor} updated the follow-up “{followUp}”.',
    'email.event.follow_up_overdue': 'The follow-up “{followUp}” is past its target date.',
    'email.comment.coveringNote': 'Covering note',
    'email.comment.answer': 'Answer',
    'email.comment.update': 'Progress update',

    'admin.email.kind.partner_request': 'Request to a partner',
    'admin.email.kind.partner_reminder': 'Reminder to a partner',
    'admin.email.kind.member_request': 'Sending to a member',
    'admin.email.kind.follow_up_reminder': 'Reminder of overdue follow-ups',
  },
}
