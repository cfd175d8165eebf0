import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { type ManualChunkMeta } from 'rollup'
import { type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

const framework = /\/node_modules\/(react|react-dom|scheduler|@remix-run|react-router|react-router-dom|turbo-stream)\//
const browserEntries = /\/app\/(root|entry\.client)\.tsx$/

/**
 * Every hydrated page loads the framework, the root route's code and nearly all of app/components/ui; Rollup's
 * default split them into some twenty small files a page fetches together, and gzip compresses each apart. One
 * shared chunk costs no page any code it would not load anyway (the ui primitives excepted, 4 kB raw) and the
 * report form about 4 kB less gzip (ADR 029). Browser build only: the server bundle stays one file.
 */
function sharedBrowserChunk(): Plugin {
  let everyPage: Set<string> | undefined
  const modulesEveryPageLoads = ({ getModuleIds, getModuleInfo }: ManualChunkMeta) => {
    const found = new Set<string>()
    const visit = (id: string) => {
      if (found.has(id)) return
      found.add(id)
      for (const imported of getModuleInfo(id)?.importedIds ?? []) visit(imported)
    }
    for (const id of getModuleIds()) if (browserEntries.test(id)) visit(id)
    return found
  }
  return {
    name: 'shared-browser-chunk',
    apply: (_, env) => env.command === 'build' && !env.isSsrBuild,
    config: () => ({
      // React's licence comments once at each file's end instead of inline; gzip then keeps more of the code together.
      esbuild: { legalComments: 'eof' },
      build: {
        rollupOptions: {
          output: {
            manualChunks(id, meta) {
              everyPage ??= modulesEveryPageLoads(meta)
              // The root route stays a module of its own, as Remix's manifest names it.
              const everyPageLoads = everyPage.has(id) && !/\/app\/root\.tsx$/.test(id)
              if (framework.test(id) || everyPageLoads || id.includes('/app/components/ui/')) return 'framework'
            },
          },
        },
      },
    }),
  }
}

export default defineConfig({
  server: { port: 3000 },
  build: { target: 'es2022' },
  plugins: [
    tailwindcss(),
    !process.env.VITEST && sharedBrowserChunk(),
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'app/**/*.test.{ts,tsx}',
            'db/**/*.test.ts',
            'emails/**/*.test.{ts,tsx}',
            'tests/integration/**/*.test.ts',
          ],
          setupFiles: ['./tests/setup/setup-test-env.ts'],
          globalSetup: ['./tests/setup/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['./tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // The browser shares two cores with the unit tests; give pages time to settle under load.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
})
