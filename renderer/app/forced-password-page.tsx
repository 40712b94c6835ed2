import { useI18n } from '../i18n/i18n-context';
import { ChangePasswordForm } from './change-password-form';
import { PageHeading } from './page-heading';

// Right after signing in with a password an administrator set: nothing else answers until
// the user has chosen their own (the services refuse with auth.password_change_required).
export function ForcedPasswordPage({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  return (
    <main id="main" className="centered">
      <section className="panel form-card">
        <PageHeading>{t('app.forcedChange.title')}</PageHeading>
        <p>{t('app.forcedChange.intro')}</p>
        <ChangePasswordForm provisional onDone={onDone} />
      </section>
    </main>
  );
}
