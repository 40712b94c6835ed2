import { useEffect, useState } from 'react';
import type { ColumnInfo, MethodOutput } from '../../shared/contract';
import { api } from '../api';
import { useI18n } from '../i18n/i18n-context';

interface HistoryPanelProps {
  versionId: number;
  columns: readonly ColumnInfo[];
  revision: number;
}

// The edit log of the version: who changed what, when, and what it was before.
export function HistoryPanel({ versionId, columns, revision }: HistoryPanelProps) {
  const { t, formatDateTime } = useI18n();
  const [log, setLog] = useState<MethodOutput<'edits.log'>>([]);
  useEffect(() => {
    let current = true;
    api.call('edits.log', { versionId, limit: 50 }).then((l) => current && setLog(l), () => undefined);
    return () => {
      current = false;
    };
  }, [versionId, revision]);
  const label = (name: string | null) => (name === null ? '' : (columns.find((c) => c.name === name)?.label ?? name));
  const shown = (v: unknown) => (v === null ? '∅' : String(v));
  if (log.length === 0) return <p>{t('reviewing.history.none')}</p>;
  return (
    <ul className="side-list">
      {log.map((e) => (
        <li key={e.id}>
          {t('reviewing.history.entry', {
            kind: t(`reviewing.history.kinds.${e.kind}`),
            by: e.by,
            at: formatDateTime(e.at),
            count: e.changeCount,
            state: t(`reviewing.history.states.${e.state}`),
          })}
          {e.kind !== 'add_row' && e.kind !== 'delete_rows' && (
            <ul>
              {e.changes.map((c) => (
                <li key={`${c.rowId}-${c.column}`}>
                  {t('reviewing.history.change', { row: c.rowId, column: label(c.column), old: shown(c.old), new: shown(c.new) })}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
