// Fails when package-lock.json lacks another platform's native binaries (npm/cli#4828): such a lockfile
// installs here but `npm ci` refuses it on a clean clone, or on another system it installs no binary at all.
import { readFileSync } from 'node:fs'

const nativePackages = {
  rollup: ['@rollup/rollup-linux-x64-gnu', '@rollup/rollup-darwin-arm64', '@rollup/rollup-win32-x64-msvc'],
  esbuild: ['@esbuild/linux-x64', '@esbuild/darwin-arm64', '@esbuild/win32-x64'],
  'tailwind oxide': [
    '@tailwindcss/oxide-linux-x64-gnu',
    '@tailwindcss/oxide-darwin-arm64',
    '@tailwindcss/oxide-win32-x64-msvc',
  ],
  lightningcss: ['lightningcss-linux-x64-gnu', 'lightningcss-darwin-arm64', 'lightningcss-win32-x64-msvc'],
}

const lockfile = JSON.parse(readFileSync(process.argv[2] ?? 'package-lock.json', 'utf8'))
const locked = new Set(Object.keys(lockfile.packages ?? {}).map((path) => path.replace(/^.*node_modules\//, '')))
const missing = Object.entries(nativePackages).flatMap(([tool, names]) =>
  names.filter((name) => !locked.has(name)).map((name) => `${name} (${tool})`),
)
if (missing.length > 0) {
  console.error(
    `package-lock.json lacks other platforms' binaries: ${missing.join(', ')}. ` +
      'Run `npm install --package-lock-only` and commit the lockfile.',
  )
  process.exit(1)
}
console.log('package-lock.json holds the native binaries of every platform.')
