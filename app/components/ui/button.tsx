import { type ButtonHTMLAttributes } from 'react'

const variants = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 border-brand-700',
  secondary: 'bg-white text-brand-800 hover:bg-brand-50 border-brand-600',
  danger: 'bg-white text-red-800 hover:bg-red-50 border-red-700',
  quiet: 'bg-transparent text-inherit hover:bg-white/15 border-transparent',
}

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return (
    <button
      type="submit"
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-md border-2 px-4 py-2 font-semibold transition-colors disabled:opacity-60 ${variants[variant]} ${className}`}
      {...props}
    />
  )
}
