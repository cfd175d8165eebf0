import { type Migration, type MigrationProvider } from 'kysely/migration'
import * as m0001 from './0001-initial.ts'
import * as m0002 from './0002-report-lifecycle.ts'
import * as m0003 from './0003-feedback-loop.ts'
import * as m0004 from './0004-committee-members.ts'
import * as m0005 from './0005-committee-work-and-welfare-report.ts'
import * as m0006 from './0006-follow-through.ts'
import * as m0007 from './0007-accountable-access.ts'
import * as m0008 from './0008-swedish-names.ts'
import * as m0009 from './0009-review-queue-counts.ts'
import * as m0010 from './0010-statistics-cache.ts'
import * as m0011 from './0011-report-search-vector.ts'
import * as m0012 from './0012-email-pacing.ts'
import * as m0013 from './0013-shared-picture.ts'
import * as m0014 from './0014-team-reports-and-questions.ts'
import * as m0015 from './0015-compiled-reports.ts'
import * as m0016 from './0016-contributors-and-participation.ts'

// A static list keeps migrations inside the server bundle and the CLI alike; names sort by date of landing.
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-report-lifecycle': m0002,
  '0003-feedback-loop': m0003,
  '0004-committee-members': m0004,
  '0005-committee-work-and-welfare-report': m0005,
  '0006-follow-through': m0006,
  '0007-accountable-access': m0007,
  '0008-swedish-names': m0008,
  '0009-review-queue-counts': m0009,
  '0010-statistics-cache': m0010,
  '0011-report-search-vector': m0011,
  '0012-email-pacing': m0012,
  '0013-shared-picture': m0013,
  '0014-team-reports-and-questions': m0014,
  '0015-compiled-reports': m0015,
  '0016-contributors-and-participation': m0016,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
