import { useId, useState, type FormEvent } from 'react';
import type { CogEpci } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { Field } from '../app/field';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';

// Finds an EPCI in the shipped COG extract, then creates it with its member communes.
export function CogImportForm({ onImported }: { onImported: (name: string, created: number) => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<CogEpci[] | null>(null);
  const { busy, error, run } = useAction();

  const search = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => setFound(await api.call('producers.searchCog', { query })));
  };
  const importEpci = (epci: CogEpci) =>
    run(async () => {
      const result = await api.call('producers.importFromCog', { siren: epci.siren });
      setFound(null);
      setQuery('');
      onImported(result.epci.name, result.created);
    });

  return (
    <form className="panel" onSubmit={search} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('producers.cog.title')}</h2>
      <p>{t('producers.cog.intro')}</p>
      <ErrorAlert error={error} />
      <div className="form-grid">
        <Field label={t('producers.cog.query')} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      <button type="submit" className="button secondary" disabled={busy || query.trim().length < 2}>
        {t('producers.cog.search')}
      </button>
      {found && found.length === 0 && <p role="status">{t('producers.cog.none')}</p>}
      {found && found.length > 0 && (
        <ul className="plain-list" aria-label={t('producers.cog.results')}>
          {found.map((epci) => (
            <li key={epci.siren}>
              <span>
                {epci.name} <span className="muted">({epci.siren}, {t('producers.cog.communes', { count: epci.communeCount })})</span>
              </span>{' '}
              <button
                type="button"
                className="button primary small"
                aria-label={t('producers.cog.importLabel', { name: epci.name })}
                disabled={busy}
                onClick={() => void importEpci(epci)}
              >
                {t('producers.cog.import')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('producers.cog.source')}</p>
    </form>
  );
}
