import { useId } from 'react';
import type { Locale, UserSummary } from '../../shared/contract';
import { useI18n } from '../i18n/i18n-context';

interface TopBarProps {
  workspaceName?: string | undefined;
  user?: UserSummary | null | undefined;
  onSignOut?: () => void;
}

export function TopBar({ workspaceName, user, onSignOut }: TopBarProps) {
  const { t, locale, setLocale } = useI18n();
  const languageId = useId();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
        {workspaceName && <span className="workspace">{t('app.header.workspace', { name: workspaceName })}</span>}
      </div>
      <div className="top-bar-tools">
        <label htmlFor={languageId} className="visually-hidden">
          {t('app.language.label')}
        </label>
        <select id={languageId} className="language" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          <option value="fr" lang="fr">
            {t('app.language.fr')}
          </option>
          <option value="en" lang="en">
            {t('app.language.en')}
          </option>
        </select>
        {user && (
          <>
            <span className="user">{t('app.header.signedInAs', { name: user.displayName, role: t(`app.roles.${user.role}`) })}</span>
            <button type="button" className="button secondary small on-dark" onClick={onSignOut}>
              {t('app.header.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
