import { useEffect, useState } from 'react';
import type { ColumnInfo, MethodOutput } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { useI18n, type UiKey } from '../i18n/i18n-context';
import { hasMessage } from '../../shared/i18n/catalog';

interface FlagsPanelProps {
  versionId: number;
  columns: readonly ColumnInfo[];
  onJump: (rowId: number, column: string | null) => void;
}

const pageSize = 100;

// Every flag of the version (type errors now, validation and personal data later), each a
// button that brings its cell into view in the grid.
export function FlagsPanel({ versionId, columns, onJump }: FlagsPanelProps) {
  const { t, formatNumber } = useI18n();
  const [page, setPage] = useState<MethodOutput<'flags.list'> | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.call('flags.list', { versionId, offset, limit: pageSize }).then(
      (p) => current && setPage(p),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [versionId, offset]);

  const label = (name: string | null) => (name === null ? '' : (columns.find((c) => c.name === name)?.label ?? name));
  const reason = (code: string, params: Record<string, string | number>) => {
    const key = `reviewing.flags.codes.${code}`;
    if (!hasMessage(key)) return t('reviewing.flags.other', { code });
    const type = typeof params.type === 'string' && hasMessage(`reviewing.types.${params.type}`) ? t(`reviewing.types.${params.type}` as UiKey) : '';
    return t(key as UiKey, { ...params, type });
  };
  return (
    <div className="flags-panel">
      <ErrorAlert error={error} />
      {page && page.total === 0 && <p>{t('reviewing.flags.none')}</p>}
      {page && page.total > 0 && (
        <>
          <p>{t('reviewing.flags.total', { count: formatNumber(page.total) })}</p>
          <ul className="side-list">
            {page.flags.map((f) => (
              <li key={f.id}>
                <button type="button" className="button link" onClick={() => onJump(f.rowId, f.column)}>
                  {f.column === null
                    ? `${t('reviewing.flags.row', { row: f.rowId })} : ${reason(f.code, f.params)}`
                    : t('reviewing.flags.goTo', { row: f.rowId, column: label(f.column), reason: reason(f.code, f.params) })}
                </button>
              </li>
            ))}
          </ul>
          {offset + pageSize < page.total && (
            <button type="button" className="button small secondary" onClick={() => setOffset(offset + pageSize)}>
              {t('reviewing.flags.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
