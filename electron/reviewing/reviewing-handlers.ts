import { resolveVersion } from '../access/resolve';
import type { Handlers, HandlerContext } from '../host/handler-context';
import { columnProfile } from './column-profile';
import { compareVersions } from './compare-versions';
import { distinctValues } from './distinct-values';
import { latestVersion, listConflicts, resolveConflicts } from './edit-conflicts';
import { editLog } from './edit-history';
import { editState, undoRedo } from './edit-log';
import { addRow, deleteRows, fillDown, setCell } from './edit-operations';
import { findReplace } from './find-replace';
import { addComment, listComments } from './comments';
import { readBlock } from './grid-rows';
import { rowIndex } from './row-index';
import { saveVersion } from './save-version';
import { versionView } from './view-table';

// Read access checked, the version id back for the call that needs it.
const read = (ctx: HandlerContext, versionId: number) => resolveVersion(ctx, versionId, 'read').versionId;

// After every change of the pending edits: the state for the caller, an event for other windows.
function changed(ctx: HandlerContext, versionId: number) {
  ctx.services.emit('edits.changed', { versionId });
  return editState(ctx.services.db, versionId, ctx.user.id);
}

// Saving, and choosing in a conflict, write onto the newest version of the dataset: the person
// reads the version they edited and must be allowed to edit the newest one.
function saveTarget(ctx: HandlerContext, versionId: number) {
  read(ctx, versionId);
  const latest = latestVersion(ctx.services.db, versionId);
  resolveVersion(ctx, latest.versionId, 'edit');
  return versionView(ctx.services.db, versionId, ctx.user.id);
}

export const reviewingHandlers = {
  'grid.rows': ({ startRow, endRow, ...view }, ctx) =>
    readBlock(ctx.services.db, ctx.services.grid, { ...view, versionId: read(ctx, view.versionId) }, ctx.user.id, startRow, endRow),
  'grid.rowIndex': ({ rowId, ...view }, ctx) => ({ index: rowIndex(ctx.services.db, { ...view, versionId: read(ctx, view.versionId) }, ctx.user.id, rowId) }),
  'grid.distinctValues': ({ versionId, column }, ctx) => distinctValues(ctx.services.db, read(ctx, versionId), ctx.user.id, column),
  'grid.profile': ({ versionId, column }, ctx) => columnProfile(ctx.services.db, ctx.services.grid, read(ctx, versionId), ctx.user.id, column),

  'edits.state': ({ versionId }, ctx) => editState(ctx.services.db, read(ctx, versionId), ctx.user.id),
  'edits.log': ({ versionId, limit }, ctx) => editLog(ctx.services.db, read(ctx, versionId), ctx.user.id, limit),
  'edits.setCell': ({ versionId, rowId, column, value }, ctx) => {
    resolveVersion(ctx, versionId, 'edit');
    setCell(ctx.services.db, versionId, ctx.user.id, rowId, column, value);
    return changed(ctx, versionId);
  },
  'edits.undo': ({ versionId }, ctx) => {
    resolveVersion(ctx, versionId, 'edit');
    undoRedo(ctx.services.db, versionId, ctx.user.id, 'undo');
    return changed(ctx, versionId);
  },
  'edits.redo': ({ versionId }, ctx) => {
    resolveVersion(ctx, versionId, 'edit');
    undoRedo(ctx.services.db, versionId, ctx.user.id, 'redo');
    return changed(ctx, versionId);
  },
  'edits.addRow': ({ versionId }, ctx) => {
    resolveVersion(ctx, versionId, 'edit');
    const rowId = addRow(ctx.services.db, versionId, ctx.user.id);
    return { ...changed(ctx, versionId), rowId };
  },
  'edits.deleteRows': ({ versionId, rowIds }, ctx) => {
    resolveVersion(ctx, versionId, 'edit');
    deleteRows(ctx.services.db, versionId, ctx.user.id, rowIds);
    return changed(ctx, versionId);
  },
  'edits.findReplace': async ({ versionId, apply, ...spec }, ctx) => {
    resolveVersion(ctx, versionId, apply ? 'edit' : 'read');
    if (!apply) {
      // The preview reads every cell but writes nothing: the grid worker counts.
      const counts = await ctx.services.grid.run('findReplacePreview', { versionId, userId: ctx.user.id, spec });
      return { ...editState(ctx.services.db, versionId, ctx.user.id), ...counts };
    }
    const counts = findReplace(ctx.services.db, versionId, ctx.user.id, spec, true);
    return { ...changed(ctx, versionId), ...counts };
  },
  'edits.fillDown': ({ versionId, columns, rowIds }, ctx) => {
    resolveVersion(ctx, versionId, 'edit');
    fillDown(ctx.services.db, versionId, ctx.user.id, columns, rowIds);
    return changed(ctx, versionId);
  },
  'edits.save': ({ versionId }, ctx) => {
    saveTarget(ctx, versionId);
    const saved = saveVersion(ctx.services.db, versionId, ctx.user);
    ctx.services.emit('dataset.changed', { datasetId: saved.datasetId });
    ctx.services.emit('edits.changed', { versionId });
    return saved;
  },
  'edits.conflicts': ({ versionId }, ctx) => listConflicts(ctx.services.db, versionView(ctx.services.db, read(ctx, versionId), ctx.user.id)),
  'edits.resolveConflicts': ({ versionId, choice, cells }, ctx) => {
    const view = saveTarget(ctx, versionId);
    resolveConflicts(ctx.services.db, view, cells, choice);
    return listConflicts(ctx.services.db, view);
  },

  'comments.list': ({ versionId }, ctx) => listComments(ctx.services.db, read(ctx, versionId)),
  // Commenting is part of reading: a reviewer comments on a version they may not edit.
  'comments.add': ({ versionId, rowId, column, body }, ctx) =>
    addComment(ctx.services.db, read(ctx, versionId), ctx.user, { rowId, column }, body),

  'compare.versions': ({ fromVersionId, toVersionId, keyColumn, offset, limit }, ctx) =>
    compareVersions(ctx.services.db, read(ctx, fromVersionId), read(ctx, toVersionId), keyColumn, offset, limit),
} satisfies Partial<Handlers>;
