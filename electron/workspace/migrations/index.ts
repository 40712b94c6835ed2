import type { Migration } from '../migration';
import { migration001 } from './001-core';
import { migration002 } from './002-reviewing';
import { migration003 } from './003-open-lists';
import { migration004 } from './004-producers';
import { migration005 } from './005-pending-per-user';
import { migration006 } from './006-findings';
import { migration007 } from './007-account-keys';
import { migration008 } from './008-audit-keys';

// Released migrations are never edited: a change to the schema is a new numbered file here,
// and `node scripts/migration-checksums.mjs` records its checksum.
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008];
