import type { CellClassParams, ColDef, ValueFormatterParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import type { ColumnInfo, GridRow } from '../../shared/contract';
import type { I18n } from '../i18n/i18n-context';
import { formatCell } from './cell-format';
import type { CellRange } from './cell-range';
import { findingClassRules } from './finding-styles';
import { ValuesFilter } from './values-filter';

export interface ColumnDefsInput {
  versionId: number;
  columns: readonly ColumnInfo[];
  i18n: I18n;
  editable: boolean;
  commentedColumns: ReadonlySet<string>;
  // Read at render time, so a new selection only needs a cell refresh, not new definitions.
  range: () => CellRange | null;
}

// Functions everywhere, never expression strings: the CSP has no 'unsafe-eval'.
export function columnDefs({ versionId, columns, i18n, editable, commentedColumns, range }: ColumnDefsInput): ColDef<GridRow>[] {
  return columns.map((column, index) => {
    const inRange = (p: CellClassParams<GridRow>) => {
      const r = range();
      return r !== null && p.rowIndex >= r.top && p.rowIndex <= r.bottom && index >= r.left && index <= r.right;
    };
    const numeric = column.type === 'integer' || column.type === 'decimal';
    const dated = column.type === 'date' || column.type === 'datetime';
    return {
      colId: column.name,
      headerName: column.label || column.name,
      headerClass: commentedColumns.has(column.name) ? 'header-commented' : undefined,
      headerTooltip: column.label || column.name,
      valueGetter: (p: ValueGetterParams<GridRow>) => p.data?.values[index] ?? null,
      // The grid holds the typed text until the service answers with the stored value.
      valueSetter: (p: ValueSetterParams<GridRow>) => {
        if (!p.data) return false;
        p.data.values[index] = p.newValue === undefined ? null : (p.newValue as string | null);
        return true;
      },
      valueFormatter: (p: ValueFormatterParams<GridRow>) => formatCell(column.type, p.value as GridRow['values'][number], i18n),
      editable,
      cellEditor: 'agTextCellEditor',
      sortable: true,
      filter: numeric ? 'agNumberColumnFilter' : dated ? 'agDateColumnFilter' : ValuesFilter,
      filterParams: numeric || dated ? { maxNumConditions: 2, buttons: ['apply', 'reset'], inRangeInclusive: true } : { versionId, column },
      type: numeric ? 'rightAligned' : undefined,
      cellClassRules: {
        ...findingClassRules(column.name, 'cell'),
        'cell-commented': (p: CellClassParams<GridRow>) => p.data?.commented.includes(column.name) ?? false,
        'cell-in-range': inRange,
      },
      minWidth: 110,
    } satisfies ColDef<GridRow>;
  });
}
