import { type LoaderFunctionArgs } from '@remix-run/node'
import { welfareExportLoader } from '#app/utils/welfare-export.server.ts'

export const loader = (args: LoaderFunctionArgs) => welfareExportLoader(args, 'html')
