import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CommentEntry, EditConflicts, EditState, EventPayload, GridRow } from '../../shared/contract';
import { ApiError } from '../../shared/api-client';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { PageHeading } from '../app/page-heading';
import { SelectField } from '../app/select-field';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n/i18n-context';
import { rangeSize, type CellRange } from './cell-range';
import { CommentsPanel } from './comments-panel';
import { ConflictsPanel } from './conflicts-panel';
import { ComparePanel } from './compare-panel';
import { ExportButtons } from './export-buttons';
import { FindingsPanel } from './findings-panel';
import { FindReplaceDialog } from './find-replace-dialog';
import { gridView, type ViewState } from './grid-datasource';
import { HistoryPanel } from './history-panel';
import { keyCommand, type KeyCommand } from './key-commands';
import { ProfilePanel } from './profile-panel';
import { ReviewGrid, type FocusedCell } from './review-grid';
import { ReviewToolbar } from './review-toolbar';
import './reviewing.css';

const tabs = ['profile', 'findings', 'comments', 'history', 'compare'] as const;
type Tab = (typeof tabs)[number];

// "Relecture": one dataset in the grid, its latest version editable, with the side panels.
export function ReviewPage({ datasetId }: { datasetId: number }) {
  const i18n = useI18n();
  const { t, formatNumber, formatDateTime } = i18n;
  const id = useId();
  const dataset = useLoad(() => api.call('datasets.get', { datasetId }));
  const [versionId, setVersionId] = useState<number | null>(null);
  const versions = dataset.data?.versions ?? [];
  const version = versions.find((v) => v.id === versionId) ?? versions[versions.length - 1];
  const latest = versions[versions.length - 1];

  const grid = useRef<GridApi<GridRow> | null>(null);
  const view = useRef<ViewState>({ sortModel: [], filterModel: {}, quickFilter: '' });
  const [editState, setEditState] = useState<EditState | undefined>();
  const [focused, setFocused] = useState<FocusedCell | null>(null);
  const [range, setRange] = useState<CellRange | null>(null);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<Tab>('profile');
  const [profileColumn, setProfileColumn] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [comments, setComments] = useState<CommentEntry[]>([]);
  const [revision, setRevision] = useState(0);
  const [quick, setQuick] = useState('');
  // Set when a save found cells someone else saved meanwhile: both values, and the choices.
  const [conflicts, setConflicts] = useState<EditConflicts | null>(null);

  const vid = version?.id;
  useEffect(() => {
    if (vid === undefined) return;
    // The grid's datasource holds this object: reset it in place.
    Object.assign(view.current, { sortModel: [], filterModel: {}, quickFilter: '' });
    setQuick('');
    setConflicts(null);
    api.call('edits.state', { versionId: vid }).then(setEditState, setError);
    api.call('comments.list', { versionId: vid }).then(setComments, setError);
  }, [vid]);

  useEffect(() => {
    if (vid === undefined) return;
    // Another window edited this version: its pending state changed under us.
    return api.onEvent((event) => {
      if (event.name === 'edits.changed' && (event.payload as EventPayload<'edits.changed'>).versionId === vid) {
        api.call('edits.state', { versionId: vid }).then(setEditState, setError);
      }
    });
  }, [vid]);

  const commentedColumns = useMemo(() => new Set(comments.filter((c) => c.rowId === null && c.column !== null).map((c) => c.column!)), [comments]);

  // Every edit action: one at a time, then the grid reloads its blocks from the service.
  const act = useCallback(async (work: () => Promise<EditState | void>, message?: (state: EditState | void) => string) => {
    setBusy(true);
    setError(null);
    try {
      const state = await work();
      if (state) setEditState(state);
      if (message) setStatus(message(state));
      setRevision((r) => r + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      grid.current?.refreshInfiniteCache();
    }
  }, []);

  const jumpTo = useCallback(
    async (rowId: number, column: string | null) => {
      if (vid === undefined || !version) return;
      try {
        const { index } = await api.call('grid.rowIndex', { ...gridView(vid, view.current), rowId });
        if (index === null) {
          setStatus(t('reviewing.findings.hidden'));
          return;
        }
        const colId = column ?? version.columns[0]!.name;
        // A row just added exists in the grid once its reloaded blocks have told the new count.
        for (let tries = 0; tries < 20 && (grid.current?.getDisplayedRowCount() ?? 0) <= index; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        grid.current?.ensureIndexVisible(index, 'middle');
        grid.current?.setFocusedCell(index, colId);
        setFocused({ rowIndex: index, rowId, column: colId });
      } catch (caught) {
        setError(caught);
      }
    },
    [vid, version, t],
  );

  // Ctrl+Z / Ctrl+Y anywhere on the page but in a text field (the grid handles its own keys).
  const pageKeys = useRef<(command: KeyCommand) => void>(() => undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = keyCommand(e);
      if (command !== 'undo' && command !== 'redo') return;
      if (e.target instanceof Element && e.target.closest('input, textarea, select, dialog, [contenteditable="true"]')) return;
      e.preventDefault();
      pageKeys.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (dataset.error) return <ErrorAlert error={dataset.error} />;
  if (!dataset.data || !version || vid === undefined) return <p role="status">{t('reviewing.loading')}</p>;
  // Older versions are read-only for everyone; the latest one for whoever may not edit it.
  const editable = version.id === latest?.id && dataset.data?.can.edit === true;
  const selectedRows = () => {
    if (!range || !grid.current) return [];
    const ids: number[] = [];
    for (let i = range.top; i <= range.bottom; i++) {
      const row = grid.current.getDisplayedRowAtIndex(i)?.data;
      if (row) ids.push(row.id);
    }
    return ids;
  };

  // Saving may meet a version someone else saved meanwhile: the conflicts are shown to choose from.
  const save = () =>
    act(async () => {
      try {
        const saved = await api.call('edits.save', { versionId: vid });
        setConflicts(null);
        setStatus(t('reviewing.saved', { number: saved.number }));
        setVersionId(saved.versionId);
        dataset.reload();
      } catch (caught) {
        if (!(caught instanceof ApiError && caught.error.code === 'edits.conflict')) throw caught;
        setConflicts(await api.call('edits.conflicts', { versionId: vid }));
        throw caught;
      }
    });
  const choose = (cells: { rowId: number; column: string | null }[], choice: 'mine' | 'theirs') =>
    void act(async () => {
      setConflicts(await api.call('edits.resolveConflicts', { versionId: vid, choice, cells }));
    });

  const commands = {
    undo: () => act(() => api.call('edits.undo', { versionId: vid })),
    redo: () => act(() => api.call('edits.redo', { versionId: vid })),
    fillDown: () => {
      const rowIds = selectedRows();
      if (!range || rowIds.length < 2) return;
      const columns = version.columns.slice(range.left, range.right + 1).map((c) => c.name);
      void act(() => api.call('edits.fillDown', { versionId: vid, columns, rowIds }));
    },
  };

  pageKeys.current = (command) => {
    if (editable && !busy) void commands[command]();
  };

  return (
    <section className="review-page">
      <PageHeading>{t('reviewing.title', { name: dataset.data.dataset.name })}</PageHeading>
      <div className="review-header">
        <SelectField
          label={t('reviewing.version')}
          value={version.id}
          options={versions.map((v) => ({
            value: v.id,
            label: t('reviewing.versionOption', { number: v.number, date: formatDateTime(v.createdAt), origin: t(`reviewing.origin.${v.origin}`) }),
          }))}
          onChange={(v) => {
            setVersionId(v);
            setFocused(null);
            setRange(null);
          }}
        />
        <div className="field quick-search">
          <label htmlFor={`${id}-quick`}>{t('reviewing.quickSearch')}</label>
          <input
            id={`${id}-quick`}
            type="search"
            value={quick}
            onChange={(e) => {
              setQuick(e.target.value);
              view.current.quickFilter = e.target.value;
              grid.current?.purgeInfiniteCache();
            }}
          />
        </div>
        <p className="row-count">{rowCount !== null && t('reviewing.rowCount', { count: formatNumber(rowCount) })}</p>
        <ExportButtons versionId={version.id} versionNumber={version.number} onStatus={setStatus} onError={setError} />
      </div>
      {/* Edits left pending on a version someone has since saved over can still be saved. */}
      {(editable || (editState?.pending ?? 0) > 0) && (
        <ReviewToolbar
          state={editState}
          busy={busy}
          hasRange={range !== null}
          rangeRows={range ? rangeSize(range).rows : 0}
          onUndo={commands.undo}
          onRedo={commands.redo}
          onFillDown={commands.fillDown}
          onAddRow={() =>
            void act(async () => {
              const added = await api.call('edits.addRow', { versionId: vid });
              void jumpTo(added.rowId, null);
              return added;
            }, () => t('reviewing.rowAdded'))
          }
          onDeleteRows={() => {
            const rowIds = selectedRows();
            if (rowIds.length > 0) void act(() => api.call('edits.deleteRows', { versionId: vid, rowIds }), () => t('reviewing.rowsDeleted', { count: rowIds.length }));
          }}
          onFindReplace={() => setReplacing(true)}
          onSave={() => void save()}
        />
      )}
      <ErrorAlert error={error} />
      {conflicts && conflicts.total > 0 && <ConflictsPanel conflicts={conflicts} busy={busy} onChoose={choose} onSave={() => void save()} />}
      <p className="review-status" role="status" aria-live="polite">
        {status}
      </p>
      <div className="review-body">
        <div className="review-grid-area" role="region" aria-label={t('reviewing.grid', { number: version.number })}>
          <ReviewGrid
            versionId={vid}
            columns={version.columns}
            editable={editable}
            commentedColumns={commentedColumns}
            view={view.current}
            onReady={(api) => (grid.current = api)}
            onFocus={(cell) => {
              setFocused(cell);
              if (cell) setProfileColumn(cell.column);
            }}
            onRange={setRange}
            onEdit={(rowId, column, value) => void act(() => api.call('edits.setCell', { versionId: vid, rowId, column, value }))}
            onKeyCommand={(command) => {
              if (editable && !busy) void commands[command]();
            }}
            onCopied={(size) => setStatus(t('reviewing.copied', { rows: size.rows, columns: size.columns }))}
            onCount={setRowCount}
            onError={setError}
          />
        </div>
        <aside className="review-side" aria-label={t('reviewing.panels')}>
          <div role="tablist" aria-label={t('reviewing.panels')} className="review-tabs">
            {tabs.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`${id}-tab-${k}`}
                aria-selected={tab === k}
                aria-controls={`${id}-panel`}
                className={tab === k ? 'active' : undefined}
                onClick={() => setTab(k)}
              >
                {t(`reviewing.tabs.${k}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="review-panel">
            {tab === 'profile' && (
              <ProfilePanel versionId={vid} columns={version.columns} column={profileColumn} onColumn={setProfileColumn} revision={revision} />
            )}
            {tab === 'findings' && (
              <FindingsPanel
                versionId={vid}
                columns={version.columns}
                focused={focused}
                onChanged={() => grid.current?.refreshInfiniteCache()}
                onJump={(row, column) => void jumpTo(row, column)}
              />
            )}
            {tab === 'comments' && (
              <CommentsPanel
                versionId={vid}
                columns={version.columns}
                comments={comments}
                focused={focused}
                onJump={(row, column) => void jumpTo(row, column)}
                onAdded={() => {
                  api.call('comments.list', { versionId: vid }).then(setComments, setError);
                  grid.current?.refreshInfiniteCache();
                }}
              />
            )}
            {tab === 'history' && <HistoryPanel versionId={vid} columns={version.columns} revision={revision} />}
            {tab === 'compare' && <ComparePanel key={vid} version={version} versions={versions} />}
          </div>
        </aside>
      </div>
      {replacing && (
        <FindReplaceDialog
          versionId={vid}
          columns={version.columns}
          onClose={() => setReplacing(false)}
          onApplied={(state, count) => {
            setEditState(state);
            setStatus(t('reviewing.replace.done', { count: formatNumber(count) }));
            setRevision((r) => r + 1);
            grid.current?.refreshInfiniteCache();
          }}
        />
      )}
    </section>
  );
}
