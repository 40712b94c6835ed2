import { useState } from 'react';
import type { UserSummary } from '../../shared/contract';
import { useI18n } from '../i18n/i18n-context';
import { ChangePasswordForm } from './change-password-form';
import { PageHeading } from './page-heading';

// "Mon compte": who is signed in, and the password change.
export function AccountPage({ user }: { user: UserSummary }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  return (
    <section>
      <PageHeading>{t('app.account.title')}</PageHeading>
      <p className="lead">{t('app.account.intro', { name: user.name, role: t(`app.roles.${user.role}`) })}</p>
      <div aria-live="polite">{done && <p className="alert alert-success">{t('app.account.done')}</p>}</div>
      <section className="panel form-card">
        <h2>{t('app.account.passwordTitle')}</h2>
        <p>{t('app.account.passwordIntro')}</p>
        <ChangePasswordForm provisional={false} onDone={() => setDone(true)} />
      </section>
    </section>
  );
}
