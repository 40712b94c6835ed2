import { useEffect, type ReactNode } from 'react';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n/i18n-context';

interface DatasetsTableProps {
  onReview: (datasetId: number) => void;
  // Shown instead of the table while the workspace holds no dataset.
  empty: ReactNode;
}

// The workspace's datasets, kept current: an import or an edit elsewhere pushes
// `dataset.changed`, and the list asks again.
export function DatasetsTable({ onReview, empty }: DatasetsTableProps) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const { data: datasets, error, reload } = useLoad(() => api.call('datasets.list', {}));

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name === 'dataset.changed') reload();
      }),
    [reload],
  );

  if (error) return <ErrorAlert error={error} />;
  if (!datasets) return <p role="status">{t('app.loading')}</p>;
  if (datasets.length === 0) return <>{empty}</>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('app.datasets.caption', { count: datasets.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.datasets.columns.name')}</th>
            <th scope="col">{t('app.datasets.columns.producer')}</th>
            <th scope="col" className="numeric">{t('app.datasets.columns.versions')}</th>
            <th scope="col" className="numeric">{t('app.datasets.columns.rows')}</th>
            <th scope="col" className="numeric">{t('app.datasets.columns.columns')}</th>
            <th scope="col">{t('app.datasets.columns.updated')}</th>
            <th scope="col">{t('app.datasets.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <tr key={dataset.id}>
              <th scope="row">{dataset.name}</th>
              <td>{dataset.producerName}</td>
              <td className="numeric">{formatNumber(dataset.latestVersion)}</td>
              <td className="numeric">{formatNumber(dataset.rowCount)}</td>
              <td className="numeric">{formatNumber(dataset.columnCount)}</td>
              <td>{formatDateTime(dataset.updatedAt)}</td>
              <td>
                <button
                  type="button"
                  className="button link"
                  aria-label={t('app.datasets.reviewLabel', { name: dataset.name })}
                  onClick={() => onReview(dataset.id)}
                >
                  {t('app.datasets.review')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
