import { expect, test } from 'vitest'
import { displayName } from './display-name.ts'

test('a name reads in Swedish for Swedish readers where it has a Swedish form, as it is otherwise', () => {
  expect(displayName('sv', 'Mustasaari', 'Korsholm')).toBe('Korsholm')
  expect(displayName('fi', 'Mustasaari', 'Korsholm')).toBe('Mustasaari')
  expect(displayName('en', 'Mustasaari', 'Korsholm')).toBe('Mustasaari')
  expect(displayName('sv', 'Kuopio', null)).toBe('Kuopio')
  expect(displayName('sv', 'Kuopio', '')).toBe('Kuopio')
})
