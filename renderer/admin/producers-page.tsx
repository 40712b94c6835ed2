import { useState } from 'react';
import type { ProducerSummary } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { PageHeading } from '../app/page-heading';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n/i18n-context';
import { CogImportForm } from './cog-import-form';
import { CreateProducerForm } from './create-producer-form';
import { ProducerMembers } from './producer-members';

// Administration of producers: the list, a new one by hand or from the COG, and the members
// of the one selected.
export function ProducersPage() {
  const { t, formatNumber } = useI18n();
  const { data: producers, error, reload } = useLoad(() => api.call('producers.list', {}));
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<ProducerSummary | null>(null);
  const done = (text: string) => {
    setNotice(text);
    reload();
  };

  return (
    <section>
      <PageHeading>{t('producers.title')}</PageHeading>
      <p className="lead">{t('producers.intro')}</p>
      <div aria-live="polite">{notice && <p className="alert alert-success">{notice}</p>}</div>
      <ErrorAlert error={error} />
      {producers && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('producers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('producers.columns.name')}</th>
                <th scope="col">{t('producers.columns.kind')}</th>
                <th scope="col">{t('producers.columns.code')}</th>
                <th scope="col" className="numeric">{t('producers.columns.members')}</th>
                <th scope="col" className="numeric">{t('producers.columns.datasets')}</th>
                <th scope="col">{t('producers.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {producers.map((producer) => (
                <tr key={producer.id} className={producer.parentId !== null ? 'row-child' : undefined}>
                  <th scope="row">{producer.name}</th>
                  <td>{t(`producers.kinds.${producer.kind}`)}</td>
                  <td>{producer.code}</td>
                  <td className="numeric">{formatNumber(producer.memberCount)}</td>
                  <td className="numeric">{formatNumber(producer.datasetCount)}</td>
                  <td>
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={t('producers.showMembersLabel', { name: producer.name })}
                      aria-pressed={selected?.id === producer.id}
                      onClick={() => setSelected(producer)}
                    >
                      {t('producers.showMembers')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && <ProducerMembers key={selected.id} producer={selected} onChanged={reload} />}
      <CogImportForm onImported={(name, created) => done(t('producers.cog.done', { name, created }))} />
      <CreateProducerForm
        producers={producers ?? []}
        onCreated={(producer) => done(t('producers.create.done', { name: producer.name }))}
      />
    </section>
  );
}
