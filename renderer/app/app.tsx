import { useEffect } from 'react';
import { api, missingToken, sessionEndedEvent } from '../api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorAlert } from './error-alert';
import { ForcedPasswordPage } from './forced-password-page';
import { PageHeading } from './page-heading';
import { SetupWizard } from './setup-wizard';
import { Shell } from './shell';
import { SignInPage } from './sign-in-page';
import { TopBar } from './top-bar';
import { useLoad } from './use-load';

// Which frame to show follows the session: first run, signed out, or signed in.
export function App() {
  const { t } = useI18n();
  const status = useLoad(() => api.call('session.status', {}));
  const session = status.data;

  useEffect(() => {
    window.addEventListener(sessionEndedEvent, status.reload);
    return () => window.removeEventListener(sessionEndedEvent, status.reload);
  }, [status.reload]);

  async function signOut() {
    await api.reply('session.signOut', {});
    status.reload();
  }

  function body() {
    if (missingToken) {
      return (
        <main id="main" className="centered">
          <section className="panel form-card">
            <PageHeading>{t('app.missingToken.title')}</PageHeading>
            <p>{t('app.missingToken.text')}</p>
          </section>
        </main>
      );
    }
    if (status.error) {
      return (
        <main id="main" className="centered">
          <section className="panel form-card">
            <ErrorAlert error={status.error} />
            <button type="button" className="button primary" onClick={status.reload}>
              {t('app.retry')}
            </button>
          </section>
        </main>
      );
    }
    if (!session) return <main id="main" className="centered" aria-busy="true" />;
    if (session.needsSetup) return <SetupWizard onDone={status.reload} />;
    if (!session.user) return <SignInPage onDone={status.reload} />;
    if (session.user.mustChangePassword) return <ForcedPasswordPage onDone={status.reload} />;
    return <Shell key={session.user.id} user={session.user} />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar workspaceName={session?.workspaceName} user={session?.user} onSignOut={() => void signOut()} />
      {body()}
    </>
  );
}
