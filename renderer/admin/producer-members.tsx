import { useId, useState, type FormEvent } from 'react';
import { memberRole, type MemberRole, type ProducerSummary } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { SelectField } from '../app/select-field';
import { useAction } from '../app/use-action';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n/i18n-context';

// Who belongs to one producer, with their role there; add, change or remove.
export function ProducerMembers({ producer, onChanged }: { producer: ProducerSummary; onChanged: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const members = useLoad(() => api.call('producers.members', { producerId: producer.id }));
  const users = useLoad(() => api.call('users.list', {}));
  const candidates = (users.data ?? []).filter((u) => u.role !== 'admin' && !u.disabled);
  const [userId, setUserId] = useState(0);
  const [role, setRole] = useState<MemberRole>('agent');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const chosen = userId || candidates[0]?.id || 0;

  const change = (work: () => Promise<unknown>, text: string) =>
    run(async () => {
      await work();
      setNotice(text);
      members.reload();
      onChanged();
    });
  const add = (event: FormEvent) => {
    event.preventDefault();
    const user = candidates.find((u) => u.id === chosen);
    if (!user) return;
    void change(
      () => api.call('producers.setMember', { producerId: producer.id, userId: user.id, role }),
      t('producers.members.added', { name: user.name, role: t(`app.roles.${role}`) }),
    );
  };

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('producers.members.title', { name: producer.name })}</h2>
      <p className="hint">{t('producers.members.adminsNote')}</p>
      <div aria-live="polite">{notice && <p className="alert alert-success">{notice}</p>}</div>
      <ErrorAlert error={error ?? members.error ?? users.error} />
      {members.data && members.data.length === 0 && <p>{t('producers.members.none')}</p>}
      {members.data && members.data.length > 0 && (
        <table className="data-table">
          <caption>{t('producers.members.caption', { name: producer.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('producers.members.user')}</th>
              <th scope="col">{t('producers.members.role')}</th>
              <th scope="col">{t('producers.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => (
              <tr key={member.userId}>
                <th scope="row">{member.displayName}</th>
                <td>{t(`app.roles.${member.role}`)}</td>
                <td>
                  <button
                    type="button"
                    className="button secondary small"
                    aria-label={t('producers.members.removeLabel', { name: member.displayName })}
                    disabled={busy}
                    onClick={() =>
                      void change(
                        () => api.call('producers.removeMember', { producerId: producer.id, userId: member.userId }),
                        t('producers.members.removed', { name: member.displayName }),
                      )
                    }
                  >
                    {t('producers.members.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {candidates.length > 0 && (
        <form onSubmit={add}>
          <div className="form-grid">
            <SelectField
              label={t('producers.members.user')}
              value={chosen}
              options={candidates.map((u) => ({ value: u.id, label: `${u.displayName} (${u.name})` }))}
              onChange={setUserId}
            />
            <SelectField
              label={t('producers.members.role')}
              value={role}
              options={memberRole.options.map((r) => ({ value: r, label: t(`app.roles.${r}`) }))}
              onChange={setRole}
            />
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t('producers.members.add')}
          </button>
        </form>
      )}
    </section>
  );
}
