import { describe, expect, test } from 'vitest'
import { candidatePageHref, containsPattern, readCandidateSearch } from './candidate-search.ts'

describe('candidate search', () => {
  test('a missing, blank or malformed search is the first page of everything', () => {
    expect(readCandidateSearch(new URLSearchParams())).toEqual({ q: null, page: 1, for: '' })
    expect(readCandidateSearch(new URLSearchParams('q=%20%20&page=abc'))).toEqual({ q: null, page: 1, for: '' })
    expect(readCandidateSearch(new URLSearchParams('q=Kela&page=3&for=new'))).toEqual({
      q: 'Kela',
      page: 3,
      for: 'new',
    })
  })

  test('the words searched for are taken literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%')
  })

  test('another page keeps the search and the picker', () => {
    expect(candidatePageHref({ q: 'Kela asunto', page: 1, for: 'new' }, 2)).toBe('?q=Kela+asunto&for=new&page=2')
    expect(candidatePageHref({ q: null, page: 2, for: '' }, 1)).toBe('?page=1')
  })
})
