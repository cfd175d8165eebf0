import { describe, expect, test } from 'vitest'
import {
  canUpdateFollowUp,
  FollowUpUpdateSchema,
  isOverdue,
  isReminderDue,
  nextFollowUpState,
  overdueReminderIntervalMs,
  parseResponsibleUnit,
  readDecisionFollowUps,
  targetDateErrors,
} from './follow-ups.ts'

const id = '3f0c1f5e-6d1b-4d55-9b5e-0b8f7d6a2c11'
const nobody = { isResponsiblePerson: false, isResponsibleMember: false, inResponsibleTeam: false }

describe('overdue', () => {
  test('past the target day and still open is overdue; the target day itself is in time', () => {
    expect(isOverdue({ status: 'in_progress', targetDate: '2027-03-31' }, '2027-03-31')).toBe(false)
    expect(isOverdue({ status: 'in_progress', targetDate: '2027-03-31' }, '2027-04-01')).toBe(true)
    expect(isOverdue({ status: 'not_started', targetDate: '2027-03-31' }, '2027-04-01')).toBe(true)
    expect(isOverdue({ status: 'done', targetDate: '2027-03-31' }, '2027-04-01')).toBe(false)
    expect(isOverdue({ status: 'not_carried_out', targetDate: '2027-03-31' }, '2027-04-01')).toBe(false)
  })

  test('a reminder goes at most once a week', () => {
    const now = new Date('2027-04-08T06:00:00Z')
    expect(isReminderDue(null, now)).toBe(true)
    expect(isReminderDue(new Date(now.getTime() - overdueReminderIntervalMs + 1000), now)).toBe(false)
    expect(isReminderDue(new Date(now.getTime() - overdueReminderIntervalMs), now)).toBe(true)
  })
})

describe('who may post updates', () => {
  test('the responsible person, coordinators, members of the responsible body and leads of the responsible team', () => {
    expect(canUpdateFollowUp(['coordinator'], nobody)).toBe(true)
    expect(canUpdateFollowUp(['worker'], { ...nobody, isResponsiblePerson: true })).toBe(true)
    expect(canUpdateFollowUp(['committee_member'], { ...nobody, isResponsibleMember: true })).toBe(true)
    expect(canUpdateFollowUp(['team_lead'], { ...nobody, inResponsibleTeam: true })).toBe(true)
  })

  test('a worker of the responsible team, a reporter or an admin only reads', () => {
    expect(canUpdateFollowUp(['worker'], { ...nobody, inResponsibleTeam: true })).toBe(false)
    expect(canUpdateFollowUp(['worker'], nobody)).toBe(false)
    expect(canUpdateFollowUp(['admin', 'committee_member'], nobody)).toBe(false)
  })
})

describe('target dates', () => {
  test('a target date before the decision is refused on the field it was typed in; the decision day is allowed', () => {
    const planned = {
      adopted: [
        {
          proposedActionId: id,
          responsible: { recipientId: null, teamId: null, userId: null },
          targetDate: '2026-05-11',
        },
      ],
      tasks: [
        { title: 'Selvitys', responsible: { recipientId: null, teamId: null, userId: null }, targetDate: '2026-05-12' },
      ],
    }
    expect(targetDateErrors(planned, '2026-05-12')).toEqual({
      [`action.${id}.targetDate`]: 'followUps.validation.targetBeforeDecision',
    })
  })

  test('the decision form: an adopted action needs a target date, an empty task row is ignored, a half one is not', () => {
    const fields: Record<string, string> = {
      [`action.${id}.responsible`]: `team:${id}`,
      [`action.${id}.person`]: '',
      [`action.${id}.targetDate`]: '',
      'task.1.title': 'Selvitys sijaishoidosta',
      'task.1.targetDate': '2027-03-31',
      'task.2.responsible': `recipient:${id}`,
    }
    const read = readDecisionFollowUps((name) => fields[name] ?? '', [id])
    expect(read).toEqual({
      ok: false,
      fieldErrors: {
        [`action.${id}.targetDate`]: 'followUps.validation.targetDateRequired',
        'task.2.title': 'followUps.validation.titleRequired',
        'task.2.targetDate': 'followUps.validation.targetDateRequired',
      },
    })
    fields[`action.${id}.targetDate`] = '2027-01-15'
    delete fields['task.2.responsible']
    expect(readDecisionFollowUps((name) => fields[name] ?? '', [id])).toEqual({
      ok: true,
      data: {
        adopted: [
          {
            proposedActionId: id,
            responsible: { recipientId: null, teamId: id, userId: null },
            targetDate: '2027-01-15',
          },
        ],
        tasks: [
          {
            title: 'Selvitys sijaishoidosta',
            responsible: { recipientId: null, teamId: null, userId: null },
            targetDate: '2027-03-31',
          },
        ],
      },
    })
  })

  test('a responsible unit is a recipient or a team by id, or nobody; anything else is refused', () => {
    expect(parseResponsibleUnit('')).toEqual({ recipientId: null, teamId: null })
    expect(parseResponsibleUnit(`recipient:${id}`)).toEqual({ recipientId: id, teamId: null })
    expect(parseResponsibleUnit(`user:${id}`)).toBeNull()
    expect(parseResponsibleUnit('team:abc')).toBeNull()
  })
})

describe('status changes', () => {
  const current = { status: 'in_progress' as const, progress: 40, statusReason: null }

  test('a status left out stays; done without a percentage is complete', () => {
    expect(nextFollowUpState(current, { body: 'Edistyy', status: null, progress: null })).toEqual(current)
    expect(nextFollowUpState(current, { body: 'Valmis', status: 'done', progress: null })).toEqual({
      status: 'done',
      progress: 100,
      statusReason: null,
    })
  })

  test('not carried out keeps the text as its reason until the follow-up is reopened', () => {
    const stopped = nextFollowUpState(current, { body: 'Ei rahoitusta', status: 'not_carried_out', progress: null })
    expect(stopped).toEqual({ status: 'not_carried_out', progress: 40, statusReason: 'Ei rahoitusta' })
    expect(nextFollowUpState(stopped, { body: 'Lisätieto', status: null, progress: null }).statusReason).toBe(
      'Ei rahoitusta',
    )
    expect(
      nextFollowUpState(stopped, { body: 'Jatkuu', status: 'in_progress', progress: null }).statusReason,
    ).toBeNull()
  })

  test('not carried out needs a reason, and progress is a whole percentage', () => {
    const parse = (fields: Record<string, string>) => FollowUpUpdateSchema.safeParse({ version: '3', ...fields })
    expect(parse({ body: '', status: 'not_carried_out' }).error?.issues[0]?.message).toBe(
      'followUps.validation.reasonRequired',
    )
    expect(parse({ body: '', status: '' }).error?.issues[0]?.message).toBe('followUps.validation.bodyRequired')
    expect(parse({ body: 'x', progress: '101' }).error?.issues[0]?.message).toBe('followUps.validation.progress')
    expect(parse({ body: 'x', progress: '12.5' }).error?.issues[0]?.message).toBe('followUps.validation.progress')
    expect(parse({ body: ' Edistyy ', status: '', progress: '' }).data).toEqual({
      version: 3,
      body: 'Edistyy',
      status: null,
      progress: null,
    })
  })
})
