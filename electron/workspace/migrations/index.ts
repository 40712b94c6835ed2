import type { Migration } from '../migration';
import { migration001 } from './001-core';
import { migration002 } from './002-reviewing';

// Released migrations are never edited: a change to the schema is a new numbered file here.
export const migrations: readonly Migration[] = [migration001, migration002];
