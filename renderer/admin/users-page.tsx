import { useState } from 'react';
import type { UserSummary } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { PageHeading } from '../app/page-heading';
import { useAction } from '../app/use-action';
import { useLoad } from '../app/use-load';
import { useI18n, type UiKey } from '../i18n/i18n-context';
import { CreateUserForm } from './create-user-form';

export function UsersPage({ currentUserId }: { currentUserId: number }) {
  const { t, formatDateTime } = useI18n();
  const { data: users, error: loadError, reload } = useLoad(() => api.call('users.list', {}));
  const [notice, setNotice] = useState<{ key: UiKey; name: string } | null>(null);
  const { error, run } = useAction();

  const setDisabled = (user: UserSummary, disabled: boolean) =>
    run(async () => {
      setNotice(null);
      await api.call(disabled ? 'users.disable' : 'users.enable', { userId: user.id });
      setNotice({ key: disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', name: user.name });
      reload();
    });

  return (
    <section>
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <p className="lead">{t('admin.users.intro')}</p>
      <div aria-live="polite">{notice && <p className="alert alert-success">{t(notice.key, { name: notice.name })}</p>}</div>
      <ErrorAlert error={error ?? loadError} />
      {users && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('admin.users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.columns.name')}</th>
                <th scope="col">{t('admin.users.columns.displayName')}</th>
                <th scope="col">{t('admin.users.columns.role')}</th>
                <th scope="col">{t('admin.users.columns.status')}</th>
                <th scope="col">{t('admin.users.columns.lastSignIn')}</th>
                <th scope="col">{t('admin.users.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className={user.disabled ? 'row-disabled' : undefined}>
                  <th scope="row">
                    {user.name} {user.id === currentUserId && <span className="muted">{t('admin.users.you')}</span>}
                  </th>
                  <td>{user.displayName}</td>
                  <td>{t(`app.roles.${user.role}`)}</td>
                  <td>
                    <span className={user.disabled ? 'tag tag-off' : 'tag tag-on'}>
                      {user.disabled ? t('admin.users.disabled') : t('admin.users.active')}
                    </span>
                  </td>
                  <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('admin.users.never')}</td>
                  <td>
                    {user.id !== currentUserId && (
                      <button
                        type="button"
                        className="button secondary small"
                        aria-label={t(user.disabled ? 'admin.users.enableLabel' : 'admin.users.disableLabel', { name: user.name })}
                        onClick={() => void setDisabled(user, !user.disabled)}
                      >
                        {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateUserForm
        onCreated={(user) => {
          setNotice({ key: 'admin.create.done', name: user.name });
          reload();
        }}
      />
    </section>
  );
}
