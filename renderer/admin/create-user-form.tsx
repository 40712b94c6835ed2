import { useId, useState, type FormEvent } from 'react';
import { minPasswordLength, roles, type Role, type UserSummary } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { Field } from '../app/field';
import { PasswordRule } from '../app/password-rule';
import { SelectField } from '../app/select-field';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';

export function CreateUserForm({ onCreated }: { onCreated: (user: UserSummary) => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const user = await api.call('users.create', { name, displayName: displayName || undefined, password, role });
      setName('');
      setDisplayName('');
      setPassword('');
      setRole('agent');
      onCreated(user);
    });
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>{t('admin.create.title')}</h2>
      <ErrorAlert error={error} />
      <div className="form-grid">
        <Field label={t('admin.create.name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
        <Field label={t('admin.create.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" />
        <Field
          label={t('admin.create.password')}
          type="password"
          hint={<PasswordRule password={password} rule="admin.create.passwordRule" />}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          required
        />
        <SelectField
          label={t('admin.create.role')}
          hint={t(`admin.create.roleHelp.${role}`)}
          value={role}
          options={roles.map((r) => ({ value: r, label: t(`app.roles.${r}`) }))}
          onChange={setRole}
        />
      </div>
      <button type="submit" className="button primary" disabled={busy || name.trim().length < 2 || password.length < minPasswordLength}>
        {busy ? t('admin.create.submitting') : t('admin.create.submit')}
      </button>
    </form>
  );
}
