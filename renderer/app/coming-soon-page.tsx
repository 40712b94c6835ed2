import { useI18n, type UiKey } from '../i18n/i18n-context';
import { PageHeading } from './page-heading';

// Where a capability will live once it is built: says so plainly, with a way back.
export function ComingSoonPage({ title, onBack }: { title: UiKey; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <section className="panel coming-soon">
      <PageHeading>{t(title)}</PageHeading>
      <p className="badge">{t('app.comingSoon.badge')}</p>
      <p>{t('app.comingSoon.text')}</p>
      <button type="button" className="button secondary" onClick={onBack}>
        {t('app.comingSoon.back')}
      </button>
    </section>
  );
}
