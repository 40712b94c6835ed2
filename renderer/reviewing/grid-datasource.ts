import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ApiClient } from '../../shared/api-client';
import type { FilterModel, GridRow, GridView, SortModel } from '../../shared/contract';

// What the page's grid currently shows: the datasource reads it on every block request,
// the findings list and copy use it to ask the service about the same view.
export interface ViewState {
  sortModel: SortModel;
  filterModel: FilterModel;
  quickFilter: string;
}

export function gridView(versionId: number, view: ViewState): GridView {
  return { versionId, ...view };
}

// The grid asks for rows [startRow, endRow) with its sort and filter models; the service
// answers from SQL. The models pass through as they are (the contract checks them).
export function createDatasource(
  api: ApiClient,
  versionId: number,
  view: ViewState,
  onError: (error: unknown) => void,
  onCount: (rowCount: number) => void,
): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      view.sortModel = params.sortModel.map((s) => ({ colId: s.colId, sort: s.sort }));
      view.filterModel = params.filterModel as FilterModel;
      api.call('grid.rows', { ...gridView(versionId, view), startRow: params.startRow, endRow: params.endRow }).then(
        ({ rows, rowCount }) => {
          onCount(rowCount);
          params.successCallback(rows, rowCount);
        },
        (error: unknown) => {
          onError(error);
          params.failCallback();
        },
      );
    },
  };
}

// Rows [first, last] of the view as the service has them, whether or not the grid holds
// them (it keeps at most 40 blocks): a copy of a long range reads them in chunks.
export async function readViewRows(api: ApiClient, versionId: number, view: ViewState, first: number, last: number): Promise<GridRow[]> {
  const rows: GridRow[] = [];
  for (let start = first; start <= last; start += viewChunk) {
    const endRow = Math.min(last + 1, start + viewChunk);
    rows.push(...(await api.call('grid.rows', { ...gridView(versionId, view), startRow: start, endRow })).rows);
  }
  return rows;
}

// The most rows grid.rows answers at once (see the contract).
const viewChunk = 1000;
