import { type ReactNode } from 'react'

const tones = {
  error: 'border-red-700 bg-red-50 text-red-900',
  success: 'border-green-700 bg-green-50 text-green-900',
  info: 'border-brand-600 bg-brand-50 text-brand-900',
}

export function Alert({ tone, children, id }: { tone: keyof typeof tones; children: ReactNode; id?: string }) {
  return (
    <div id={id} role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 p-4 ${tones[tone]}`}>
      {children}
    </div>
  )
}
