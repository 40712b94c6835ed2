import { useState, type FormEvent } from 'react';
import { minPasswordLength } from '../../shared/contract';
import { api } from '../api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorAlert } from './error-alert';
import { Field } from './field';
import { PageHeading } from './page-heading';
import { NewPasswordFields } from './new-password-fields';
import { useAction } from './use-action';

// First run: the workspace has no user yet, so the first account made is the administrator.
export function SetupWizard({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm || password.length < minPasswordLength) return;
    void run(async () => {
      await api.call('session.setup', { name, displayName: displayName || undefined, password });
      onDone();
    });
  };

  return (
    <main id="main" className="centered">
      <form className="panel form-card" onSubmit={submit} aria-describedby="setup-intro" noValidate>
        <PageHeading>{t('app.setup.title')}</PageHeading>
        <p id="setup-intro">{t('app.setup.intro')}</p>
        <p className="step">{t('app.setup.stepLabel')}</p>
        <ErrorAlert error={error} />
        <Field
          label={t('app.setup.name')}
          hint={t('app.setup.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="username"
          required
        />
        <Field label={t('app.setup.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="name" />
        <NewPasswordFields
          labels={{ password: 'app.setup.password', confirm: 'app.setup.confirm', rule: 'app.setup.passwordRule' }}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
        />
        <button
          type="submit"
          className="button primary"
          disabled={busy || name.trim().length < 2 || password.length < minPasswordLength || password !== confirm}
        >
          {busy ? t('app.setup.submitting') : t('app.setup.submit')}
        </button>
      </form>
    </main>
  );
}
