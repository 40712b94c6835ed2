import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { DatasetsTable } from '../datasets/datasets-table';
import { PageHeading } from './page-heading';
import type * as ReviewModule from '../reviewing/review-page';

// The grid (AG Grid, ~1 MB) loads in its own chunk; the shell starts fetching and parsing it as
// soon as someone is signed in, while the datasets list loads, so opening a dataset shows rows
// at once.
// Once loaded, the page renders directly: going through lazy() again would suspend, and React
// holds a revealed Suspense boundary back ~300 ms to avoid flicker.
let loaded: typeof ReviewModule | null = null;
const loadReviewPage = () => import('../reviewing/review-page').then((module) => (loaded = module));
const LazyReviewPage = lazy(() => loadReviewPage().then((m) => ({ default: m.ReviewPage })));

export function usePreloadedReviewPage(): void {
  useEffect(() => {
    void loadReviewPage();
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
  const ReviewPage = loaded?.ReviewPage ?? LazyReviewPage;
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <ReviewPage key={datasetId} datasetId={datasetId} />
    </Suspense>
  );
}
