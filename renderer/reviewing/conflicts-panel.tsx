import { useId } from 'react';
import type { CellValue, EditConflicts } from '../../shared/contract';
import { useI18n } from '../i18n/i18n-context';

interface ConflictsPanelProps {
  conflicts: EditConflicts;
  busy: boolean;
  onChoose: (cells: { rowId: number; column: string | null }[], choice: 'mine' | 'theirs') => void;
  onSave: () => void;
}

// Someone saved the version while this person had edits pending on it: each cell both changed
// (or row one side deleted) shows both values, and the person keeps theirs or takes the saved
// one before saving again.
export function ConflictsPanel({ conflicts, busy, onChoose, onSave }: ConflictsPanelProps) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const all = conflicts.conflicts.map((c) => ({ rowId: c.rowId, column: c.column }));
  const undecided = conflicts.conflicts.filter((c) => c.choice === null).length;
  const shown = (value: CellValue) => (value === null || value === '' ? t('reviewing.conflicts.empty') : String(value));
  return (
    <section className="panel conflicts-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reviewing.conflicts.title')}</h2>
      <p>
        {t('reviewing.conflicts.intro', {
          number: conflicts.latestNumber,
          by: conflicts.savedBy ?? '',
          count: formatNumber(conflicts.total),
        })}
      </p>
      <div className="button-row">
        <button type="button" className="button small secondary" disabled={busy} onClick={() => onChoose(all, 'mine')}>
          {t('reviewing.conflicts.allMine')}
        </button>
        <button type="button" className="button small secondary" disabled={busy} onClick={() => onChoose(all, 'theirs')}>
          {t('reviewing.conflicts.allTheirs')}
        </button>
        <button type="button" className="button small primary" disabled={busy || undecided > 0} onClick={onSave}>
          {t('reviewing.save')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('reviewing.conflicts.row')}</th>
              <th scope="col">{t('reviewing.conflicts.column')}</th>
              <th scope="col">{t('reviewing.conflicts.mine')}</th>
              <th scope="col">{t('reviewing.conflicts.theirs')}</th>
              <th scope="col">{t('reviewing.conflicts.choice')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.conflicts.map((c) => {
              const cell = [{ rowId: c.rowId, column: c.column }];
              const where = t('reviewing.conflicts.cell', { row: c.rowId, column: c.label ?? t('reviewing.conflicts.wholeRow') });
              return (
                <tr key={`${c.rowId}-${c.column ?? ''}`}>
                  <td className="numeric">{c.rowId}</td>
                  <td>{c.label ?? t('reviewing.conflicts.wholeRow')}</td>
                  <td>{c.deleted === 'mine' ? t('reviewing.conflicts.deleted') : c.deleted === 'theirs' ? t('reviewing.conflicts.changed') : shown(c.mine)}</td>
                  <td>{c.deleted === 'theirs' ? t('reviewing.conflicts.deleted') : c.deleted === 'mine' ? t('reviewing.conflicts.changed') : shown(c.theirs)}</td>
                  <td>
                    <div className="button-row" role="group" aria-label={where}>
                      <button type="button" className="button small secondary" aria-pressed={c.choice === 'mine'} disabled={busy} onClick={() => onChoose(cell, 'mine')}>
                        {t('reviewing.conflicts.keepMine')}
                      </button>
                      <button type="button" className="button small secondary" aria-pressed={c.choice === 'theirs'} disabled={busy} onClick={() => onChoose(cell, 'theirs')}>
                        {t('reviewing.conflicts.takeTheirs')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {conflicts.total > conflicts.conflicts.length && (
        <p className="hint">{t('reviewing.conflicts.more', { count: formatNumber(conflicts.total - conflicts.conflicts.length) })}</p>
      )}
    </section>
  );
}
