import { lazy, Suspense, type ComponentType } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ComingSoonPage } from './coming-soon-page';
import { DatasetsTable } from '../datasets/datasets-table';
import { PageHeading } from './page-heading';

// The review grid is built in renderer/reviewing/ alongside this shell; a glob (empty while
// the file does not exist) lets the shell build either way and route to it once it lands.
const reviewModules = import.meta.glob<{ ReviewPage: ComponentType<{ datasetId: number }> }>('../reviewing/review-page.tsx');
const loadReviewPage = reviewModules['../reviewing/review-page.tsx'];
const ReviewPage = loadReviewPage ? lazy(() => loadReviewPage().then((m) => ({ default: m.ReviewPage }))) : null;

export const reviewAvailable = ReviewPage !== null;

interface ReviewRouteProps {
  datasetId: number | undefined;
  onChoose: (datasetId: number) => void;
  onBack: () => void;
}

export function ReviewRoute({ datasetId, onChoose, onBack }: ReviewRouteProps) {
  const { t } = useI18n();
  if (!ReviewPage) return <ComingSoonPage title="app.nav.review" onBack={onBack} />;
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
