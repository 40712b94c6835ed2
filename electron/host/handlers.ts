import { auditHandlers } from '../audit/audit-handlers';
import { datasetsHandlers } from '../datasets/datasets-handlers';
import { exportingHandlers } from '../exporting/exporting-handlers';
import { filesHandlers } from '../files/files-handlers';
import { findingsHandlers } from '../findings/findings-handlers';
import { importingHandlers } from '../importing/importing-handlers';
import { jobsHandlers } from '../jobs/jobs-handlers';
import { producersHandlers } from '../producers/producers-handlers';
import { reviewingHandlers } from '../reviewing/reviewing-handlers';
import { sessionHandlers } from '../session/session-handlers';
import { usersHandlers } from '../users/users-handlers';
import type { Handlers } from './handler-context';

// The whole handler table; TypeScript refuses it if a contract method has no handler.
export const handlers: Handlers = {
  ...sessionHandlers,
  ...usersHandlers,
  ...producersHandlers,
  ...auditHandlers,
  ...datasetsHandlers,
  ...filesHandlers,
  ...importingHandlers,
  ...jobsHandlers,
  ...reviewingHandlers,
  ...exportingHandlers,
  ...findingsHandlers,
};
