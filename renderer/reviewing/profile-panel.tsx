import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ColumnInfo, ColumnProfile } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { SelectField } from '../app/select-field';
import { useI18n, type UiKey } from '../i18n/i18n-context';
import { formatCell } from './cell-format';

// Chart.js loads with the first profile, not with the grid: opening a dataset stays quick.
const HistogramChart = lazy(() => import('./histogram-chart').then((m) => ({ default: m.HistogramChart })));

interface ProfilePanelProps {
  versionId: number;
  columns: readonly ColumnInfo[];
  // Follows the focused column of the grid until another is chosen here; '' until then, so
  // opening a dataset does not start a scan of the whole version before its first rows.
  column: string;
  onColumn: (column: string) => void;
  // Changes when pending edits change, so the profile of a working copy is asked again.
  revision: number;
}

export function ProfilePanel({ versionId, columns, column, onColumn, revision }: ProfilePanelProps) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const [profile, setProfile] = useState<ColumnProfile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const info = columns.find((c) => c.name === column);

  useEffect(() => {
    if (!info) return;
    let current = true;
    setProfile(null);
    api.call('grid.profile', { versionId, column: info.name }).then(
      (p) => current && setProfile(p),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [versionId, info, revision]);

  const chart = useMemo(() => {
    if (!profile || !info) return null;
    const bounds = profile.histogram.length > 0;
    const labels = bounds
      ? profile.histogram.map((b) => `${formatCell(info.type, b.from, i18n)} – ${formatCell(info.type, b.to, i18n)}`)
      : profile.top.map((v) => (v.value === null || v.value === '' ? t('reviewing.profile.blank') : formatCell(info.type, v.value, i18n)));
    const counts = bounds ? profile.histogram.map((b) => b.count) : profile.top.map((v) => v.count);
    return { labels, counts };
  }, [profile, info, i18n, t]);

  const stat = (key: UiKey, value: string) => (
    <div>
      <dt>{t(key)}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="profile-panel">
      <SelectField
        label={t('reviewing.profile.column')}
        value={info?.name ?? ''}
        options={[{ value: '', label: t('reviewing.profile.choose') }, ...columns.map((c) => ({ value: c.name, label: c.label || c.name }))]}
        onChange={onColumn}
      />
      <ErrorAlert error={error} />
      {info && !profile && !error && <p role="status">{t('reviewing.loading')}</p>}
      {info && profile && (
        <>
          <dl className="profile-stats">
            {stat('reviewing.profile.type', t(`reviewing.types.${profile.type}`))}
            {stat('reviewing.profile.count', formatNumber(profile.count))}
            {stat('reviewing.profile.blanks', formatNumber(profile.blanks))}
            {stat('reviewing.profile.distinct', formatNumber(profile.distinct))}
            {profile.min !== null && stat('reviewing.profile.min', formatCell(info.type, profile.min, i18n))}
            {profile.max !== null && stat('reviewing.profile.max', formatCell(info.type, profile.max, i18n))}
            {profile.mean !== null && stat('reviewing.profile.mean', formatCell(info.type, profile.mean, i18n))}
          </dl>
          {chart && chart.counts.length > 0 && (
            <Suspense fallback={null}>
              <HistogramChart title={t('reviewing.profile.histogram', { column: info.label || info.name })} labels={chart.labels} counts={chart.counts} />
            </Suspense>
          )}
          <table className="data-table compact">
            <caption>{t('reviewing.profile.top')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviewing.profile.value')}</th>
                <th scope="col" className="numeric">
                  {t('reviewing.profile.occurrences')}
                </th>
              </tr>
            </thead>
            <tbody>
              {profile.top.map((v) => (
                <tr key={String(v.value)}>
                  <td>{v.value === null || v.value === '' ? t('reviewing.profile.blank') : formatCell(info.type, v.value, i18n)}</td>
                  <td className="numeric">{formatNumber(v.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
