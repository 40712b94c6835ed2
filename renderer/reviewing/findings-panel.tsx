import { useEffect, useId, useState } from 'react';
import {
  findingSeverities,
  findingSources,
  type ColumnInfo,
  type FindingEntry,
  type FindingSeverity,
  type FindingSource,
  type FindingStatus,
  type MethodOutput,
} from '../../shared/contract';
import { findingReason } from '../../shared/i18n/finding-text';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { SelectField } from '../app/select-field';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';
import { FlagForm } from './flag-form';
import type { FocusedCell } from './review-grid';
import { useTargetLabel } from './target-picker';

interface FindingsPanelProps {
  versionId: number;
  columns: readonly ColumnInfo[];
  focused: FocusedCell | null;
  // A finding was added or decided: the grid restyles its cells.
  onChanged: () => void;
  onJump: (rowId: number, column: string | null) => void;
}

const pageSize = 100;
const statusChoices = ['open', 'all', 'resolved', 'dismissed'] as const;
type StatusChoice = (typeof statusChoices)[number];

// Every finding of the version (type errors, formula-like cells, validation, personal data,
// manual flags), filtered by source, severity and status; each jumps to its cell, and an
// open one can be resolved or dismissed with a written reason. The form below flags by hand.
export function FindingsPanel({ versionId, columns, focused, onChanged, onJump }: FindingsPanelProps) {
  const { t, formatNumber } = useI18n();
  const [sources, setSources] = useState<FindingSource[]>([]);
  const [severities, setSeverities] = useState<FindingSeverity[]>([]);
  const [status, setStatus] = useState<StatusChoice>('open');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<MethodOutput<'findings.list'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    const statuses: FindingStatus[] = status === 'all' ? [] : [status];
    api.call('findings.list', { versionId, filter: { sources, severities, statuses }, offset, limit: pageSize }).then(
      (p) => current && setPage(p),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [versionId, sources, severities, status, offset, revision]);

  const changed = () => {
    setRevision((r) => r + 1);
    onChanged();
  };
  const countOf = (match: (c: MethodOutput<'findings.list'>['counts'][number]) => boolean) =>
    (page?.counts ?? []).filter((c) => (status === 'all' || c.status === status) && match(c)).reduce((sum, c) => sum + c.count, 0);
  const toggle = <V,>(list: V[], value: V, set: (next: V[]) => void) => {
    set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
    setOffset(0);
  };

  return (
    <div className="findings-panel">
      <div className="chips" role="group" aria-label={t('reviewing.findings.sourceFilter')}>
        {findingSources.map((s) => (
          <button
            key={s}
            type="button"
            className="chip"
            aria-pressed={sources.includes(s)}
            onClick={() => toggle(sources, s, setSources)}
          >
            {t('reviewing.findings.chip', { label: t(`reviewing.findings.sources.${s}`), count: formatNumber(countOf((c) => c.source === s)) })}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label={t('reviewing.findings.severityFilter')}>
        {findingSeverities.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip severity-${s}`}
            aria-pressed={severities.includes(s)}
            onClick={() => toggle(severities, s, setSeverities)}
          >
            {t('reviewing.findings.chip', { label: t(`reviewing.findings.severities.${s}`), count: formatNumber(countOf((c) => c.severity === s)) })}
          </button>
        ))}
      </div>
      <SelectField
        label={t('reviewing.findings.statusFilter')}
        value={status}
        options={statusChoices.map((s) => ({ value: s, label: t(`reviewing.findings.statusChoices.${s}`) }))}
        onChange={(s) => {
          setStatus(s);
          setOffset(0);
        }}
      />
      <ErrorAlert error={error} />
      {page && page.total === 0 && <p>{t('reviewing.findings.none')}</p>}
      {page && page.total > 0 && (
        <>
          <p>{t('reviewing.findings.total', { count: formatNumber(page.total) })}</p>
          <ul className="side-list">
            {page.findings.map((f) => (
              <FindingItem key={f.id} finding={f} columns={columns} onJump={onJump} onDecided={changed} />
            ))}
          </ul>
          {offset + pageSize < page.total && (
            <button type="button" className="button small secondary" onClick={() => setOffset(offset + pageSize)}>
              {t('reviewing.findings.more')}
            </button>
          )}
        </>
      )}
      <FlagForm versionId={versionId} columns={columns} focused={focused} onAdded={changed} />
    </div>
  );
}

interface FindingItemProps {
  finding: FindingEntry;
  columns: readonly ColumnInfo[];
  onJump: (rowId: number, column: string | null) => void;
  onDecided: () => void;
}

function FindingItem({ finding: f, columns, onJump, onDecided }: FindingItemProps) {
  const { t, locale, formatDateTime } = useI18n();
  const id = useId();
  const where = useTargetLabel(columns);
  const [dismissing, setDismissing] = useState(false);
  const [justification, setJustification] = useState('');
  const { busy, error, run } = useAction();
  const text = t('reviewing.findings.entry', { where: where(f), reason: findingReason(locale, f) });
  const decide = (method: 'findings.resolve' | 'findings.dismiss') =>
    run(async () => {
      await api.call(method, { findingId: f.id, justification });
      onDecided();
    });

  return (
    <li className={`finding severity-${f.severity}`}>
      {f.rowId === null ? (
        <p>{text}</p>
      ) : (
        <button type="button" className="button link" onClick={() => onJump(f.rowId!, f.column)}>
          {text}
        </button>
      )}
      <p className="hint">
        {t('reviewing.findings.kind', { source: t(`reviewing.findings.sources.${f.source}`), severity: t(`reviewing.findings.severities.${f.severity}`) })}
      </p>
      {f.note !== null && <p className="comment-body">{f.note}</p>}
      {f.status !== 'open' && (
        <p className="hint">
          {t('reviewing.findings.decided', {
            status: t(`reviewing.findings.statuses.${f.status}`),
            by: f.decidedBy ?? '',
            at: f.decidedAt ? formatDateTime(f.decidedAt) : '',
          })}
          {f.justification !== null && ` ${t('reviewing.findings.because', { justification: f.justification })}`}
        </p>
      )}
      {f.status === 'open' && !dismissing && (
        <div className="finding-actions">
          <button type="button" className="button small secondary" disabled={busy} onClick={() => void decide('findings.resolve')}>
            {t('reviewing.findings.resolve')}
          </button>
          <button type="button" className="button small secondary" disabled={busy} onClick={() => setDismissing(true)}>
            {t('reviewing.findings.dismiss')}
          </button>
        </div>
      )}
      {dismissing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void decide('findings.dismiss');
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-why`}>{t('reviewing.findings.justification')}</label>
            <textarea
              id={`${id}-why`}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              rows={2}
              maxLength={4000}
              aria-describedby={`${id}-why-hint`}
            />
            <p id={`${id}-why-hint`} className="hint">
              {t('reviewing.findings.justificationHint')}
            </p>
          </div>
          <ErrorAlert error={error} />
          <div className="finding-actions">
            <button type="submit" className="button small primary" disabled={busy || justification.trim() === ''}>
              {t('reviewing.findings.confirmDismiss')}
            </button>
            <button type="button" className="button small secondary" onClick={() => setDismissing(false)}>
              {t('reviewing.findings.cancel')}
            </button>
          </div>
        </form>
      )}
      {!dismissing && <ErrorAlert error={error} />}
    </li>
  );
}
