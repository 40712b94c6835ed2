import { minPasswordLength } from '../../shared/contract';
import { useI18n, type UiKey } from '../i18n/i18n-context';

// The length rule, stated before typing and checked live while typing.
export function PasswordRule({ password, rule, params }: { password: string; rule: UiKey; params?: Record<string, string> }) {
  const { t } = useI18n();
  const missing = minPasswordLength - password.length;
  return (
    <>
      <span>{t(rule, { ...params, min: minPasswordLength })}</span>{' '}
      {password.length > 0 && (
        <span className={missing > 0 ? 'rule rule-pending' : 'rule rule-met'} aria-live="polite">
          {missing > 0 ? t('app.setup.ruleNotMet', { missing }) : t('app.setup.ruleMet', { count: password.length })}
        </span>
      )}
    </>
  );
}
