import { useState } from 'react';
import type { UserSummary } from '../../shared/contract';
import { ProducersPage } from '../admin/producers-page';
import { UsersPage } from '../admin/users-page';
import { DatasetsPage } from '../datasets/datasets-page';
import { useI18n } from '../i18n/i18n-context';
import { ImportPage } from '../importing/import-page';
import { AccountPage } from './account-page';
import { ComingSoonPage } from './coming-soon-page';
import { ReviewRoute, usePreloadedReviewPage } from './review-route';
import { navItems, type Route } from './routes';

// The signed-in frame: the menu on the side, the current screen in <main>.
export function Shell({ user }: { user: UserSummary }) {
  const { t } = useI18n();
  const [route, setRoute] = useState<Route>({ page: 'datasets' });
  usePreloadedReviewPage();
  const toDatasets = () => setRoute({ page: 'datasets' });
  const visible = navItems.filter((item) => !item.adminOnly || user.role === 'admin');

  function screen() {
    switch (route.page) {
      case 'datasets':
        return (
          <DatasetsPage
            imported={route.imported}
            onImport={() => setRoute({ page: 'import' })}
            onReview={(datasetId) => setRoute({ page: 'review', datasetId })}
          />
        );
      case 'import':
        return <ImportPage onImported={(imported) => setRoute({ page: 'datasets', imported })} />;
      case 'review':
        return (
          <ReviewRoute datasetId={route.datasetId} onChoose={(datasetId) => setRoute({ page: 'review', datasetId })} />
        );
      case 'admin':
        // The menu hides it from others; the services refuse them anyway (auth.role_too_low).
        return user.role === 'admin' ? <UsersPage currentUserId={user.id} /> : <ComingSoonPage title="app.nav.admin" onBack={toDatasets} />;
      case 'producers':
        return user.role === 'admin' ? <ProducersPage /> : <ComingSoonPage title="app.nav.producers" onBack={toDatasets} />;
      case 'account':
        return <AccountPage user={user} />;
      default:
        return <ComingSoonPage title={`app.nav.${route.page}`} onBack={toDatasets} />;
    }
  }

  return (
    <div className="shell">
      <nav className="side-nav" aria-label={t('app.nav.label')}>
        <ul>
          {visible.map((item) => (
            <li key={item.page}>
              <button
                type="button"
                aria-current={route.page === item.page ? 'page' : undefined}
                onClick={() => setRoute({ page: item.page } as Route)}
              >
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" key={route.page + ('datasetId' in route ? String(route.datasetId) : '')}>
        {screen()}
      </main>
    </div>
  );
}
