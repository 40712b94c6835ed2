// A rectangle of cells in the grid (display row indexes, column positions): the community
// edition has no range selection, so the page keeps its own, anchored where the focus was
// before Shift was held.
export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface CellPosition {
  rowIndex: number;
  column: number;
}

export function rangeBetween(anchor: CellPosition, focus: CellPosition): CellRange {
  return {
    top: Math.min(anchor.rowIndex, focus.rowIndex),
    bottom: Math.max(anchor.rowIndex, focus.rowIndex),
    left: Math.min(anchor.column, focus.column),
    right: Math.max(anchor.column, focus.column),
  };
}

export function rangeSize(range: CellRange): { rows: number; columns: number } {
  return { rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 };
}

// Tab-separated text, one line per row, as spreadsheets paste it.
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.join('\t')).join('\r\n');
}
