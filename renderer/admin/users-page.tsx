import { useState } from 'react';
import { roles, type Role, type UserSummary } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { PageHeading } from '../app/page-heading';
import { useAction } from '../app/use-action';
import { useLoad } from '../app/use-load';
import { useI18n, type UiKey } from '../i18n/i18n-context';
import { CreateUserForm } from './create-user-form';
import { ResetPasswordForm } from './reset-password-form';

export function UsersPage({ currentUserId }: { currentUserId: number }) {
  const { data: users, error: loadError, reload } = useLoad(() => api.call('users.list', {}));
  const { t, formatDateTime } = useI18n();
  const [notice, setNotice] = useState<{ key: UiKey; name: string; role?: string } | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const { error, run } = useAction();

  // One action on one account, then the list again.
  const act = (user: UserSummary, key: UiKey, work: () => Promise<UserSummary>) =>
    run(async () => {
      setNotice(null);
      const changed = await work();
      setNotice({ key, name: user.name, role: t(`app.roles.${changed.role}`) });
      reload();
    });
  const setDisabled = (user: UserSummary, disabled: boolean) =>
    act(user, disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', () =>
      api.call(disabled ? 'users.disable' : 'users.enable', { userId: user.id }),
    );
  const setRole = (user: UserSummary, role: Role) =>
    act(user, 'admin.users.roleDone', () => api.call('users.setRole', { userId: user.id, role }));
  const unlock = (user: UserSummary) => act(user, 'admin.users.unlockedDone', () => api.call('users.unlock', { userId: user.id }));

  return (
    <section>
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <p className="lead">{t('admin.users.intro')}</p>
      <div aria-live="polite">
        {notice && <p className="alert alert-success">{t(notice.key, { name: notice.name, role: notice.role ?? '' })}</p>}
      </div>
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
                  <td>
                    <select
                      className="role-select"
                      aria-label={t('admin.users.roleLabel', { name: user.name })}
                      value={user.role}
                      onChange={(e) => void setRole(user, roles[e.target.selectedIndex]!)}
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`app.roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <span className={user.disabled ? 'tag tag-off' : 'tag tag-on'}>
                      {user.disabled ? t('admin.users.disabled') : t('admin.users.active')}
                    </span>{' '}
                    {user.lockedUntil && (
                      <span className="tag tag-off" title={t('admin.users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
                        {t('admin.users.locked')}
                      </span>
                    )}{' '}
                    {user.mustChangePassword && <span className="tag tag-info">{t('admin.users.provisional')}</span>}{' '}
                    {user.lookalikeOf && <span className="tag tag-off">{t('admin.users.lookalike', { name: user.lookalikeOf })}</span>}
                  </td>
                  <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('admin.users.never')}</td>
                  <td className="row-actions">
                    {user.lockedUntil && (
                      <button
                        type="button"
                        className="button secondary small"
                        aria-label={t('admin.users.unlockLabel', { name: user.name })}
                        onClick={() => void unlock(user)}
                      >
                        {t('admin.users.unlock')}
                      </button>
                    )}
                    {user.id !== currentUserId && (
                      <button
                        type="button"
                        className="button secondary small"
                        aria-label={t('admin.users.resetLabel', { name: user.name })}
                        onClick={() => setResetting(user)}
                      >
                        {t('admin.users.reset')}
                      </button>
                    )}
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
      {resetting && (
        <ResetPasswordForm
          key={resetting.id}
          user={resetting}
          onCancel={() => setResetting(null)}
          onDone={() => {
            setNotice({ key: 'admin.reset.done', name: resetting.name });
            setResetting(null);
            reload();
          }}
        />
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
