import type { FindingSeverity, GridRow } from '../../shared/contract';

const rank: Record<FindingSeverity, number> = { error: 3, warning: 2, info: 1 };

// The worst severity of the open findings on a cell of the row ('' = the whole row): the
// grid colours a cell by it (error red, warning amber, info blue).
export function worstSeverity(row: GridRow | undefined, column: string): FindingSeverity | null {
  let worst: FindingSeverity | null = null;
  for (const f of row?.findings ?? []) {
    if (f.column === column && (worst === null || rank[f.severity] > rank[worst])) worst = f.severity;
  }
  return worst;
}

// Whether someone flagged it by hand (drawn with a dashed outline besides the colour).
export function flaggedByHand(row: GridRow | undefined, column: string): boolean {
  return row?.findings.some((f) => f.column === column && f.source === 'manual') ?? false;
}

// AG Grid class rules for a cell of `column` ('' for the row's own rules).
export function findingClassRules(column: string, prefix: 'cell' | 'row'): Record<string, (p: { data?: GridRow | undefined }) => boolean> {
  return {
    [`${prefix}-finding-error`]: (p) => worstSeverity(p.data, column) === 'error',
    [`${prefix}-finding-warning`]: (p) => worstSeverity(p.data, column) === 'warning',
    [`${prefix}-finding-info`]: (p) => worstSeverity(p.data, column) === 'info',
    [`${prefix}-finding-manual`]: (p) => flaggedByHand(p.data, column),
  };
}
