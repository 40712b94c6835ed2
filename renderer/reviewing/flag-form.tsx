import { useId, useState } from 'react';
import { findingSeverities, type ColumnInfo, type FindingSeverity } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { SelectField } from '../app/select-field';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';
import type { FocusedCell } from './review-grid';
import { TargetFieldset, targetOf, type TargetKind } from './target-picker';

interface FlagFormProps {
  versionId: number;
  columns: readonly ColumnInfo[];
  focused: FocusedCell | null;
  onAdded: () => void;
}

// "Signaler": anyone who reads the version flags the focused cell, its row or its column,
// with a note saying what is wrong.
export function FlagForm({ versionId, columns, focused, onAdded }: FlagFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [target, setTarget] = useState<TargetKind>('cell');
  const [severity, setSeverity] = useState<FindingSeverity>('warning');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();

  const submit = () =>
    run(async () => {
      if (!focused) return;
      await api.call('findings.add', { versionId, ...targetOf(focused, target), severity, note });
      setNote('');
      setDone(true);
      onAdded();
    });

  return (
    <form
      className="flag-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`} className="panel-title">
        {t('reviewing.flag.title')}
      </h2>
      <TargetFieldset legend={t('reviewing.flag.target')} kind={target} onKind={setTarget} focused={focused} columns={columns} />
      <SelectField
        label={t('reviewing.flag.severity')}
        value={severity}
        options={findingSeverities.map((s) => ({ value: s, label: t(`reviewing.findings.severities.${s}`) }))}
        onChange={setSeverity}
      />
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('reviewing.flag.note')}</label>
        <textarea
          id={`${id}-note`}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setDone(false);
          }}
          rows={3}
          maxLength={4000}
        />
      </div>
      <ErrorAlert error={error} />
      <p role="status" className="hint">
        {done ? t('reviewing.flag.done') : ''}
      </p>
      <button type="submit" className="button small primary" disabled={busy || !focused || note.trim() === ''}>
        {t('reviewing.flag.submit')}
      </button>
    </form>
  );
}
