import { type CSSProperties } from 'react'

/** The app's brand colours (app/tailwind.css); every text colour here reaches WCAG AA contrast on its background. */
export const colors = {
  brand: '#1f5d99',
  brandDark: '#174a7c',
  brandLight: '#eef5fb',
  text: '#1e293b',
  muted: '#475569',
  border: '#cbd5e1',
  page: '#f1f5f9',
  white: '#ffffff',
} as const

export const fontFamily = '-apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'

export const paragraph: CSSProperties = { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px', color: colors.text }

export const small: CSSProperties = { fontSize: '14px', lineHeight: '20px', margin: '0 0 8px', color: colors.muted }

/** Put on a link whose label stands alone (a linked heading): the plain-text part shows its address on the next line. */
export const linkBelowInText = 'data-text-link-below'
