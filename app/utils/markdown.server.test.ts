import { expect, test } from 'vitest'
import { renderMarkdown } from './markdown.server.ts'

test('lists, emphasis and links survive', () => {
  const html = renderMarkdown('Havainnot:\n\n- **vuokrarästit**\n- [Kela](https://www.kela.fi)')
  expect(html).toContain('<ul>')
  expect(html).toContain('<strong>vuokrarästit</strong>')
  expect(html).toContain('<a href="https://www.kela.fi" rel="noopener noreferrer">Kela</a>')
})

test.each([
  ['<script>alert(1)</script>teksti', 'script'],
  ['<img src=x onerror="alert(1)">', 'onerror'],
  ['[klikkaa](javascript:alert(1))', 'javascript:'],
  ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
  ['<iframe src="https://evil.example"></iframe>', 'iframe'],
  ['<div style="position:fixed">x</div>', 'style'],
  ['<p onclick="alert(1)">x</p>', 'onclick'],
  ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'data:'],
])('%s loses %s', (markdown, forbidden) => {
  expect(renderMarkdown(markdown).toLowerCase()).not.toContain(forbidden)
})
