import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { DatasetsTable } from '../datasets/datasets-table';
import { PageHeading } from './page-heading';

// The grid (AG Grid, ~1 MB) loads in its own chunk; the shell fetches and parses it while the
// person is still on the datasets list, so opening a dataset shows rows at once.
const loadReviewPage = () => import('../reviewing/review-page');
const ReviewPage = lazy(() => loadReviewPage().then((m) => ({ default: m.ReviewPage })));

export function usePreloadedReviewPage(): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void loadReviewPage());
  }, []);
}

interface ReviewRouteProps {
  datasetId: number | undefined;
  onChoose: (datasetId: number) => void;
}

export function ReviewRoute({ datasetId, onChoose }: ReviewRouteProps) {
  const { t } = useI18n();
  if (datasetId === undefined) {
    return (
      <section>
        <PageHeading>{t('app.nav.review')}</PageHeading>
        <p>{t('app.datasets.chooseForReview')}</p>
        <DatasetsTable onReview={onChoose} empty={null} />
      </section>
    );
  }
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <ReviewPage key={datasetId} datasetId={datasetId} />
    </Suspense>
  );
}
