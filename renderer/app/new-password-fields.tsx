import { minPasswordLength } from '../../shared/contract';
import type { UiKey } from '../i18n/i18n-context';
import { useI18n } from '../i18n/i18n-context';
import { Field } from './field';
import { PasswordRule } from './password-rule';

// A new password typed twice: the rule stated and checked live, a mismatch said at once.
export function NewPasswordFields(props: {
  labels: { password: UiKey; confirm: UiKey; rule: UiKey };
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
}) {
  const { t } = useI18n();
  const { labels, password, confirm } = props;
  const mismatch = confirm.length > 0 && confirm !== password;
  return (
    <>
      <Field
        label={t(labels.password)}
        type="password"
        hint={<PasswordRule password={password} rule={labels.rule} />}
        value={password}
        onChange={(e) => props.onPassword(e.target.value)}
        autoComplete="new-password"
        minLength={minPasswordLength}
        required
      />
      <Field
        label={t(labels.confirm)}
        type="password"
        hint={mismatch ? <span className="rule rule-pending">{t('app.setup.mismatch')}</span> : undefined}
        aria-invalid={mismatch}
        value={confirm}
        onChange={(e) => props.onConfirm(e.target.value)}
        autoComplete="new-password"
        required
      />
    </>
  );
}
