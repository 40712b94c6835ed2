import type { ColumnInfo } from '../../shared/contract';
import type { Db } from '../workspace/open-workspace';
import { computeProfile } from './column-profile';
import { findReplace, type FindReplace } from './find-replace';
import { createIndex, type IndexKey } from './sort-indexes';
import { tableExists, type VersionView } from './view-table';

// The grid's work that reads (or indexes) a whole version: run by the grid worker on its own
// connection, so the thread that answers the API is never held for a second by one caller.
export const gridTasks = {
  // The view is resolved by the caller, so the profile it caches is of the table it meant.
  profile: (db: Db, args: { view: VersionView; target: ColumnInfo }) => computeProfile(db, args.view, args.target),
  findReplacePreview: (db: Db, args: { versionId: number; userId: number; spec: FindReplace }) =>
    findReplace(db, args.versionId, args.userId, args.spec, false),
  // The working copy may have been saved (renamed) since the sort asked for the index.
  createIndex: (db: Db, args: { table: string; key: IndexKey }) => {
    if (tableExists(db, args.table)) createIndex(db, args.table, args.key);
    return null;
  },
};

export type GridTasks = typeof gridTasks;
export type GridTaskName = keyof GridTasks;

export interface GridRequest<T extends GridTaskName = GridTaskName> {
  id: number;
  task: T;
  args: Parameters<GridTasks[T]>[1];
}
