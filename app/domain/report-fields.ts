/** Support needs under Sosiaalihuoltolaki § 11. */
export const supportNeeds = [
  'daily_living',
  'housing',
  'financial',
  'social_inclusion',
  'violence',
  'acute_crisis',
  'child_development',
  'health_and_disability',
  'close_person_support',
  'functional_capacity',
] as const

export const clientGroups = [
  'adults',
  'families_with_children',
  'young_adults',
  'older_people',
  'people_with_disabilities',
  'immigrants',
] as const

export const ageBands = ['0-17', '18-29', '30-64', '65+'] as const
export const genders = ['women', 'men', 'other'] as const
export const trends = ['growing', 'stable', 'shrinking', 'unknown'] as const
export const sectors = [
  'social_care',
  'health_care',
  'kela',
  'employment',
  'housing',
  'education',
  'ngo_parish',
] as const
export const actionLevels = ['team', 'organisation', 'committee', 'national'] as const

export type SupportNeed = (typeof supportNeeds)[number]
export type ClientGroup = (typeof clientGroups)[number]
export type AgeBand = (typeof ageBands)[number]
export type Gender = (typeof genders)[number]
export type Trend = (typeof trends)[number]
export type Sector = (typeof sectors)[number]
export type ActionLevel = (typeof actionLevels)[number]
