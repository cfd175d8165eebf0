// No schema here: the contribution form's script reads these lists, and zod stays out of pages' scripts (ADR 029).

/**
 * What a contributor sends (ADR 039): an observation of their own, a view on a phenomenon the organisation opened
 * for views, or a client's view that a worker records on the client's behalf (asiakkaan näkemys).
 */
export const contributionKinds = ['observation', 'view', 'client_view'] as const
export type ContributionKind = (typeof contributionKinds)[number]

/** Through which forum the view came: client councils, experts by experience, partners, or the client themself. */
export const contributionForums = [
  'asiakasraati',
  'kokemusasiantuntijaryhma',
  'kela',
  'jarjesto',
  'seurakunta',
  'terveydenhuolto',
  'asiakas',
  'muu',
] as const
export type ContributionForum = (typeof contributionForums)[number]

/** Forums a contributor speaks for; "the client themself" is for a worker recording a client's view. */
export const contributorForums = contributionForums.filter((forum) => forum !== 'asiakas')

export const contributionTextLimit = 4000

/**
 * How far a phenomenon has got, as a contributor may be told: only steps that are public anyway (forwarded to a
 * committee, on its agenda, decided, in the welfare report), never who wrote or handled what.
 */
export const publicSteps = ['received', 'forwarded', 'on_agenda', 'decided', 'in_welfare_report'] as const
export type PublicStep = (typeof publicSteps)[number]

/** The furthest public step among the statuses of the reports behind a phenomenon. */
export function furthestPublicStep(statuses: readonly string[]): PublicStep {
  let furthest: PublicStep = 'received'
  for (const status of statuses) {
    const index = publicSteps.indexOf(status as PublicStep)
    if (index > publicSteps.indexOf(furthest)) furthest = publicSteps[index]!
  }
  return furthest
}
