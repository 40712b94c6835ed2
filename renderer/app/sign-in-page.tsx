import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorAlert } from './error-alert';
import { Field } from './field';
import { PageHeading } from './page-heading';
import { useAction } from './use-action';

export function SignInPage({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      // A failed attempt clears the password, the name stays for the next try.
      setPassword('');
      await api.call('session.signIn', { name, password });
      onDone();
    });
  };

  return (
    <main id="main" className="centered">
      <form className="panel form-card" onSubmit={submit}>
        <PageHeading>{t('app.signIn.title')}</PageHeading>
        <p>{t('app.signIn.intro')}</p>
        <ErrorAlert error={error} />
        <Field label={t('app.signIn.name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" required />
        <Field
          label={t('app.signIn.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button primary" disabled={busy || !name || !password}>
          {busy ? t('app.signIn.submitting') : t('app.signIn.submit')}
        </button>
      </form>
    </main>
  );
}
