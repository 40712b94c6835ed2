import { PageHeading } from '../app/page-heading';
import { useI18n } from '../i18n/i18n-context';
import { DatasetsTable } from './datasets-table';

interface DatasetsPageProps {
  // Set when the person arrives here from a finished import.
  imported?: { name: string; rows: number } | undefined;
  onImport: () => void;
  onReview: (datasetId: number) => void;
}

export function DatasetsPage({ imported, onImport, onReview }: DatasetsPageProps) {
  const { t, formatNumber } = useI18n();
  const empty = (
    <div className="empty-state">
      <h2>{t('app.datasets.emptyTitle')}</h2>
      <p>{t('app.datasets.emptyText')}</p>
      <button type="button" className="button primary" onClick={onImport}>
        {t('app.datasets.emptyAction')}
      </button>
    </div>
  );
  return (
    <section>
      <div className="page-header">
        <PageHeading>{t('app.datasets.title')}</PageHeading>
        <button type="button" className="button primary" onClick={onImport}>
          {t('app.datasets.importButton')}
        </button>
      </div>
      {imported && (
        <p className="alert alert-success" role="status">
          {t('app.datasets.imported', { name: imported.name, rows: formatNumber(imported.rows) })}
        </p>
      )}
      <DatasetsTable onReview={onReview} empty={empty} />
    </section>
  );
}
