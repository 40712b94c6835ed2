import { useState } from 'react';
import type { CompareResult, VersionSummary } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { SelectField } from '../app/select-field';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';
import { formatCell } from './cell-format';

interface ComparePanelProps {
  version: VersionSummary;
  versions: readonly VersionSummary[];
}

const pageSize = 50;

// This version against another: rows matched by a key column or by position; added,
// removed and changed rows listed with their changed cells marked.
export function ComparePanel({ version, versions }: ComparePanelProps) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const others = versions.filter((v) => v.id !== version.id);
  const [otherId, setOtherId] = useState<number>(others.filter((v) => v.number < version.number).pop()?.id ?? others[0]?.id ?? 0);
  const [key, setKey] = useState<string>('');
  const [offset, setOffset] = useState(0);
  const [result, setResult] = useState<CompareResult | null>(null);
  const { busy, error, run } = useAction();
  const other = others.find((v) => v.id === otherId);
  if (!other) return <p>{t('reviewing.compare.none')}</p>;
  // Older version on the left ("from"), newer on the right.
  const [from, to] = other.number < version.number ? [other, version] : [version, other];
  const keyOptions = to.columns.filter((c) => from.columns.some((f) => f.name === c.name));

  const compare = (at: number) =>
    run(async () => {
      setResult(await api.call('compare.versions', { fromVersionId: from.id, toVersionId: to.id, keyColumn: key === '' ? null : key, offset: at, limit: pageSize }));
      setOffset(at);
    });
  const types = new Map(to.columns.map((c) => [c.name, c.type]));
  const labels = new Map(to.columns.map((c) => [c.name, c.label || c.name]));

  return (
    <div className="compare-panel">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void compare(0);
        }}
      >
        <SelectField
          label={t('reviewing.compare.with', { number: version.number })}
          value={otherId}
          options={others.map((v) => ({ value: v.id, label: `${t('reviewing.version')} ${v.number}` }))}
          onChange={(v) => {
            setOtherId(v);
            setResult(null);
          }}
        />
        <SelectField
          label={t('reviewing.compare.key')}
          value={key}
          options={[{ value: '', label: t('reviewing.compare.byPosition') }, ...keyOptions.map((c) => ({ value: c.name, label: c.label || c.name }))]}
          onChange={(v) => {
            setKey(v);
            setResult(null);
          }}
        />
        <button type="submit" className="button small primary" disabled={busy}>
          {t('reviewing.compare.run')}
        </button>
      </form>
      <ErrorAlert error={error} />
      {result && (
        <div className="compare-result">
          <p role="status">
            {t('reviewing.compare.summary', {
              added: formatNumber(result.summary.added),
              removed: formatNumber(result.summary.removed),
              changed: formatNumber(result.summary.changed),
              unchanged: formatNumber(result.summary.unchanged),
            })}
          </p>
          {result.columnsAdded.length > 0 && <p>{t('reviewing.compare.columnsAdded', { columns: result.columnsAdded.map((c) => labels.get(c) ?? c).join(', ') })}</p>}
          {result.columnsRemoved.length > 0 && <p>{t('reviewing.compare.columnsRemoved', { columns: result.columnsRemoved.join(', ') })}</p>}
          {result.total === 0 && <p>{t('reviewing.compare.identical')}</p>}
          {result.total > 0 && (
            <>
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t('reviewing.compare.caption', { from: from.number, to: to.number })}>
                <table className="data-table compact compare-table">
                  <caption>{t('reviewing.compare.caption', { from: from.number, to: to.number })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('reviewing.compare.status')}</th>
                      {result.columns.map((c) => (
                        <th key={c} scope="col">
                          {labels.get(c) ?? c}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((r) => (
                      <tr key={`${r.status}-${r.fromRowId}-${r.toRowId}`} className={`diff-${r.status}`}>
                        <th scope="row">{t(`reviewing.compare.statuses.${r.status}`)}</th>
                        {result.columns.map((c, i) => {
                          const type = types.get(c) ?? 'text';
                          const changed = r.changedColumns.includes(c);
                          const shown = (r.to ?? r.from)?.[i] ?? null;
                          return (
                            <td key={c} className={changed ? 'cell-changed' : undefined}>
                              {formatCell(type, shown, i18n)}
                              {changed && <span className="before">{t('reviewing.compare.before', { value: formatCell(type, r.from?.[i] ?? null, i18n) })}</span>}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="pager">
                <button type="button" className="button small secondary" disabled={busy || offset === 0} onClick={() => void compare(Math.max(0, offset - pageSize))}>
                  {t('reviewing.compare.previous')}
                </button>
                <span>{t('reviewing.compare.page', { from: offset + 1, to: offset + result.rows.length, total: formatNumber(result.total) })}</span>
                <button type="button" className="button small secondary" disabled={busy || offset + pageSize >= result.total} onClick={() => void compare(offset + pageSize)}>
                  {t('reviewing.compare.next')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
