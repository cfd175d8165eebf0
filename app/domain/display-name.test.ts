import { expect, test } from 'vitest'
import { displayName, placeNamer } from './display-name.ts'

test('a name reads in Swedish for Swedish readers where it has a Swedish form, as it is otherwise', () => {
  expect(displayName('sv', 'Mustasaari', 'Korsholm')).toBe('Korsholm')
  expect(displayName('fi', 'Mustasaari', 'Korsholm')).toBe('Mustasaari')
  expect(displayName('en', 'Mustasaari', 'Korsholm')).toBe('Mustasaari')
  expect(displayName('sv', 'Kuopio', null)).toBe('Kuopio')
  expect(displayName('sv', 'Kuopio', '')).toBe('Kuopio')
})

test('a place known only by its name, as in figures by municipality, reads in Swedish from the organisation’s list', () => {
  const places = [
    { name: 'Vaasa', name_sv: 'Vasa' },
    { name: 'Kuopio', name_sv: null },
  ]
  expect(['Vaasa', 'Kuopio', 'Unknown'].map(placeNamer('sv', places))).toEqual(['Vasa', 'Kuopio', 'Unknown'])
  expect(['Vaasa'].map(placeNamer('fi', places))).toEqual(['Vaasa'])
})
