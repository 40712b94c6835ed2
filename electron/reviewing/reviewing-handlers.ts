import type { Handlers, HandlerContext } from '../host/handler-context';
import { columnProfile } from './column-profile';
import { compareVersions } from './compare-versions';
import { distinctValues } from './distinct-values';
import { editLog } from './edit-history';
import { editState, undoRedo } from './edit-log';
import { addRow, deleteRows, fillDown, setCell } from './edit-operations';
import { findReplace } from './find-replace';
import { addComment, listComments, listFlags } from './flags-and-comments';
import { readBlock } from './grid-rows';
import { rowIndex } from './row-index';
import { saveVersion } from './save-version';

// After every change of the pending edits: the state for the caller, an event for other windows.
function changed(ctx: HandlerContext, versionId: number) {
  ctx.services.emit('edits.changed', { versionId });
  return editState(ctx.services.db, versionId);
}

export const reviewingHandlers = {
  'grid.rows': ({ startRow, endRow, ...view }, { services }) => readBlock(services.db, services.grid, view, startRow, endRow),
  'grid.rowIndex': ({ rowId, ...view }, { services }) => ({ index: rowIndex(services.db, view, rowId) }),
  'grid.distinctValues': ({ versionId, column }, { services }) => distinctValues(services.db, versionId, column),
  'grid.profile': ({ versionId, column }, { services }) => columnProfile(services.db, services.grid, versionId, column),

  'edits.state': ({ versionId }, { services }) => editState(services.db, versionId),
  'edits.log': ({ versionId, limit }, { services }) => editLog(services.db, versionId, limit),
  'edits.setCell': ({ versionId, rowId, column, value }, ctx) => {
    setCell(ctx.services.db, versionId, ctx.user.id, rowId, column, value);
    return changed(ctx, versionId);
  },
  'edits.undo': ({ versionId }, ctx) => {
    undoRedo(ctx.services.db, versionId, 'undo');
    return changed(ctx, versionId);
  },
  'edits.redo': ({ versionId }, ctx) => {
    undoRedo(ctx.services.db, versionId, 'redo');
    return changed(ctx, versionId);
  },
  'edits.addRow': ({ versionId }, ctx) => {
    const rowId = addRow(ctx.services.db, versionId, ctx.user.id);
    return { ...changed(ctx, versionId), rowId };
  },
  'edits.deleteRows': ({ versionId, rowIds }, ctx) => {
    deleteRows(ctx.services.db, versionId, ctx.user.id, rowIds);
    return changed(ctx, versionId);
  },
  'edits.findReplace': async ({ versionId, apply, ...spec }, ctx) => {
    if (!apply) {
      // The preview reads every cell but writes nothing: the grid worker counts.
      const counts = await ctx.services.grid.run('findReplacePreview', { versionId, userId: ctx.user.id, spec });
      return { ...editState(ctx.services.db, versionId), ...counts };
    }
    const counts = findReplace(ctx.services.db, versionId, ctx.user.id, spec, true);
    return { ...changed(ctx, versionId), ...counts };
  },
  'edits.fillDown': ({ versionId, columns, rowIds }, ctx) => {
    fillDown(ctx.services.db, versionId, ctx.user.id, columns, rowIds);
    return changed(ctx, versionId);
  },
  'edits.save': ({ versionId }, ctx) => {
    const saved = saveVersion(ctx.services.db, versionId, ctx.user);
    ctx.services.emit('dataset.changed', { datasetId: saved.datasetId });
    ctx.services.emit('edits.changed', { versionId });
    return saved;
  },

  'flags.list': ({ versionId, offset, limit }, { services }) => listFlags(services.db, versionId, offset, limit),
  'comments.list': ({ versionId }, { services }) => listComments(services.db, versionId),
  'comments.add': ({ versionId, rowId, column, body }, { services, user }) =>
    addComment(services.db, versionId, user, { rowId, column }, body),

  'compare.versions': ({ fromVersionId, toVersionId, keyColumn, offset, limit }, { services }) =>
    compareVersions(services.db, fromVersionId, toVersionId, keyColumn, offset, limit),
} satisfies Partial<Handlers>;
