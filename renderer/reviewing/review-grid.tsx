import type { CellFocusedEvent, CellValueChangedEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { ColumnInfo, GridRow } from '../../shared/contract';
import { reviewing as frReviewing } from '../../shared/i18n/fr/ui-reviewing';
import { api } from '../api';
import { useI18n, type UiKey } from '../i18n/i18n-context';
import { gridTheme, styleNonce } from './ag-grid-setup';
import { copyText } from './cell-format';
import { rangeBetween, toTsv, type CellPosition, type CellRange } from './cell-range';
import { columnDefs } from './column-defs';
import { findingClassRules } from './finding-styles';
import { createDatasource, readViewRows, type ViewState } from './grid-datasource';
import { keyCommand, type KeyCommand } from './key-commands';

export interface FocusedCell {
  rowIndex: number;
  rowId: number;
  column: string;
}

interface ReviewGridProps {
  versionId: number;
  columns: readonly ColumnInfo[];
  editable: boolean;
  commentedColumns: ReadonlySet<string>;
  view: ViewState;
  onReady: (grid: GridApi<GridRow>) => void;
  onFocus: (cell: FocusedCell | null) => void;
  onRange: (range: CellRange | null) => void;
  onEdit: (rowId: number, column: string, value: string | null) => void;
  onKeyCommand: (command: KeyCommand) => void;
  onCopied: (size: { rows: number; columns: number }) => void;
  onCount: (rowCount: number) => void;
  onError: (error: unknown) => void;
}

// A spreadsheet pastes at most about this many rows comfortably; longer ranges are cut.
const maxCopiedRows = 100_000;

const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

// The grid itself: blocks of 100 rows from the service (at most 40 blocks kept, so memory
// stays flat while scrolling a million rows), edits sent as typed, a cell range of our own
// for Shift+arrows / Shift+click, Ctrl+C, fill down and row deletion.
export function ReviewGrid(props: ReviewGridProps) {
  const i18n = useI18n();
  const gridRef = useRef<GridApi<GridRow> | null>(null);
  const shift = useRef(false);
  const anchor = useRef<CellPosition | null>(null);
  const range = useRef<CellRange | null>(null);
  // Focus moves asked by Shift+arrows (AG Grid reports them later): they extend the range.
  const extending = useRef<string[]>([]);
  const focus = useRef<CellPosition | null>(null);
  const latest = useRef(props);
  latest.current = props;

  const localeText = useMemo(
    () => Object.fromEntries(Object.keys(frReviewing.agGrid).map((k) => [k, i18n.t(`reviewing.agGrid.${k}` as UiKey)])),
    [i18n],
  );
  const defs = useMemo(
    () =>
      columnDefs({
        versionId: props.versionId,
        columns: props.columns,
        i18n,
        editable: props.editable,
        commentedColumns: props.commentedColumns,
        range: () => range.current,
      }),
    [props.versionId, props.columns, i18n, props.editable, props.commentedColumns],
  );

  const onGridReady = useCallback((e: GridReadyEvent<GridRow>) => {
    gridRef.current = e.api;
    const p = latest.current;
    e.api.setGridOption('datasource', createDatasource(api, p.versionId, p.view, (error) => latest.current.onError(error), (n) => latest.current.onCount(n)));
    p.onReady(e.api);
  }, []);

  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const p = latest.current;
    grid.setGridOption('datasource', createDatasource(api, p.versionId, p.view, (error) => latest.current.onError(error), (n) => latest.current.onCount(n)));
  }, [props.versionId]);

  const setRange = (next: CellRange | null) => {
    range.current = next;
    latest.current.onRange(next);
    gridRef.current?.refreshCells({ force: true });
  };

  const onCellFocused = (e: CellFocusedEvent<GridRow>) => {
    const grid = gridRef.current;
    const colId = e.column && typeof e.column !== 'string' ? e.column.getColId() : null;
    if (!grid || e.rowIndex === null || colId === null) {
      latest.current.onFocus(null);
      return;
    }
    const position = { rowIndex: e.rowIndex, column: latest.current.columns.findIndex((c) => c.name === colId) };
    const asked = extending.current.indexOf(`${position.rowIndex}:${position.column}`);
    if (asked >= 0) extending.current.splice(asked, 1);
    else {
      if (!shift.current || !anchor.current) anchor.current = position;
      focus.current = position;
      setRange(rangeBetween(anchor.current, position));
    }
    // A row still loading (a jump far away) is reported by whoever asked for the jump.
    const row = grid.getDisplayedRowAtIndex(e.rowIndex)?.data;
    if (row) latest.current.onFocus({ rowIndex: e.rowIndex, rowId: row.id, column: colId });
  };

  const onCellValueChanged = (e: CellValueChangedEvent<GridRow>) => {
    if (!e.data) return;
    const value = e.newValue === null || e.newValue === undefined ? null : String(e.newValue);
    latest.current.onEdit(e.data.id, e.column.getColId(), value);
  };

  const onKeyDownCapture = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    shift.current = e.shiftKey;
    const grid = gridRef.current;
    if (!grid || grid.getEditingCells().length > 0) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const command = keyCommand(e);
    if (command) {
      e.preventDefault();
      e.stopPropagation();
      latest.current.onKeyCommand(command);
      return;
    }
    if (ctrl && key === 'c') {
      e.preventDefault();
      copyRange();
      return;
    }
    const move = arrows[e.key];
    const from = focus.current;
    if (e.shiftKey && move && from && anchor.current) {
      // Shift+arrows extend the range; AG Grid's community edition would just move.
      e.preventDefault();
      e.stopPropagation();
      const columns = latest.current.columns;
      const to = {
        rowIndex: Math.max(0, Math.min(grid.getDisplayedRowCount() - 1, from.rowIndex + move[0])),
        column: Math.max(0, Math.min(columns.length - 1, from.column + move[1])),
      };
      focus.current = to;
      extending.current.push(`${to.rowIndex}:${to.column}`);
      setRange(rangeBetween(anchor.current, to));
      grid.ensureIndexVisible(to.rowIndex);
      grid.setFocusedCell(to.rowIndex, columns[to.column]!.name);
    }
  };

  // Ctrl+C: the range as tab-separated text, read from the service for the current view (the
  // grid itself holds only the blocks around what is on screen).
  const copyRange = () => {
    const r = range.current;
    if (!r) return;
    const { versionId, view, columns: all } = latest.current;
    const columns = all.slice(r.left, r.right + 1);
    const last = Math.min(r.bottom, r.top + maxCopiedRows - 1);
    readViewRows(api, versionId, view, r.top, last)
      .then((rows) => {
        const lines = rows.map((row) => columns.map((c, j) => copyText(c.type, row.values[r.left + j], i18n)));
        return navigator.clipboard.writeText(toTsv(lines)).then(() => latest.current.onCopied({ rows: lines.length, columns: columns.length }));
      })
      .catch((error: unknown) => latest.current.onError(error));
  };

  // A click sets the anchor (or, with Shift, extends to it) at once: AG Grid reports the focus
  // change later, possibly after the next key press.
  const onMouseDownCapture = (e: ReactMouseEvent<HTMLDivElement>) => {
    shift.current = e.shiftKey;
    const target = e.target instanceof Element ? e.target.closest('[role="gridcell"][col-id]') : null;
    const rowIndex = Number(target?.closest('[row-index]')?.getAttribute('row-index'));
    const column = latest.current.columns.findIndex((c) => c.name === target?.getAttribute('col-id'));
    if (!target || !Number.isInteger(rowIndex) || column < 0) return;
    const position = { rowIndex, column };
    if (!e.shiftKey || !anchor.current) anchor.current = position;
    focus.current = position;
    extending.current.push(`${rowIndex}:${column}`);
    setRange(rangeBetween(anchor.current, position));
  };

  return (
    <div
      className="review-grid"
      onKeyDownCapture={onKeyDownCapture}
      onKeyUpCapture={(e) => (shift.current = e.shiftKey)}
      onMouseDownCapture={onMouseDownCapture}
    >
      <AgGridReact<GridRow>
        theme={gridTheme}
        styleNonce={styleNonce}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={40}
        maxConcurrentDatasourceRequests={2}
        infiniteInitialRowCount={100}
        blockLoadDebounceMillis={30}
        getRowId={(p) => String(p.data.id)}
        columnDefs={defs}
        defaultColDef={{ resizable: true, suppressHeaderMenuButton: false }}
        localeText={localeText}
        rowClassRules={{ 'row-commented': (p) => p.data?.commented.includes('') ?? false, ...findingClassRules('', 'row') }}
        suppressColumnVirtualisation
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        onGridReady={onGridReady}
        onCellFocused={onCellFocused}
        onCellValueChanged={onCellValueChanged}
        tooltipShowDelay={500}
      />
    </div>
  );
}
