import { useState, type FormEvent } from 'react';
import { minPasswordLength, type UserSummary } from '../../shared/contract';
import { api } from '../api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorAlert } from './error-alert';
import { Field } from './field';
import { NewPasswordFields } from './new-password-fields';
import { useAction } from './use-action';

// The user's own password change: the current one, then the new one twice. Used by the screen
// forced after a provisional password and by "Mon compte".
export function ChangePasswordForm({ provisional, onDone }: { provisional: boolean; onDone: (user: UserSummary) => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next !== confirm) return;
    void run(async () => {
      const user = await api.call('session.changePassword', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      onDone(user);
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <Field
        label={t(provisional ? 'app.password.currentProvisional' : 'app.password.current')}
        type="password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        autoComplete="current-password"
        required
      />
      <NewPasswordFields
        labels={{ password: 'app.password.new', confirm: 'app.password.confirm', rule: 'app.password.rule' }}
        password={next}
        confirm={confirm}
        onPassword={setNext}
        onConfirm={setConfirm}
      />
      <button type="submit" className="button primary" disabled={busy || !current || next.length < minPasswordLength || next !== confirm}>
        {busy ? t('app.password.submitting') : t('app.password.submit')}
      </button>
    </form>
  );
}
