import { useId, useState, type FormEvent } from 'react';
import { minPasswordLength, type UserSummary } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { Field } from '../app/field';
import { PasswordRule } from '../app/password-rule';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';

// An administrator gives a user a provisional password (forgotten, or account compromised).
export function ResetPasswordForm({ user, onDone, onCancel }: { user: UserSummary; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.call('users.resetPassword', { userId: user.id, password });
      onDone();
    });
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>{t('admin.reset.title', { name: user.name })}</h2>
      <ErrorAlert error={error} />
      <Field
        label={t('admin.reset.password')}
        type="password"
        hint={<PasswordRule password={password} rule="admin.reset.rule" params={{ name: user.name }} />}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="new-password"
        required
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || password.length < minPasswordLength}>
          {t('admin.reset.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('admin.reset.cancel')}
        </button>
      </div>
    </form>
  );
}
