import { useId } from 'react';
import type { ColumnInfo } from '../../shared/contract';
import { findingPlace } from '../../shared/i18n/finding-text';
import { useI18n } from '../i18n/i18n-context';
import type { FocusedCell } from './review-grid';

// What a comment or a manual flag points at: the focused cell, its row or its column.
export type TargetKind = 'cell' | 'row' | 'column';
export interface Target {
  rowId: number | null;
  column: string | null;
}

export function targetOf(focused: FocusedCell, kind: TargetKind): Target {
  return { rowId: kind === 'column' ? null : focused.rowId, column: kind === 'row' ? null : focused.column };
}

// "Ligne 3, colonne « Nom »", "Ligne 3", "Colonne « Nom »" or "Toute la version".
export function useTargetLabel(columns: readonly ColumnInfo[]): (target: Target) => string {
  const { locale } = useI18n();
  const label = (name: string) => columns.find((c) => c.name === name)?.label || name;
  return (target) => findingPlace(locale, target, label);
}

interface TargetFieldsetProps {
  legend: string;
  kind: TargetKind;
  onKind: (kind: TargetKind) => void;
  focused: FocusedCell | null;
  columns: readonly ColumnInfo[];
}

export function TargetFieldset({ legend, kind, onKind, focused, columns }: TargetFieldsetProps) {
  const { t } = useI18n();
  const id = useId();
  const where = useTargetLabel(columns);
  return (
    <>
      <fieldset>
        <legend>{legend}</legend>
        {(['cell', 'row', 'column'] as const).map((k) => (
          <label key={k} className="checkbox">
            <input type="radio" name={`${id}-target`} checked={kind === k} onChange={() => onKind(k)} /> {t(`reviewing.target.${k}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{focused ? where(targetOf(focused, kind)) : t('reviewing.target.needCell')}</p>
    </>
  );
}
