import { useEffect, useId, useRef, useState } from 'react';
import type { ColumnInfo, EditState } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';

interface FindReplaceDialogProps {
  versionId: number;
  columns: readonly ColumnInfo[];
  onApplied: (state: EditState, count: number) => void;
  onClose: () => void;
}

// A modal dialog: count first (the preview), then replace as one undoable edit.
export function FindReplaceDialog({ versionId, columns, onApplied, onClose }: FindReplaceDialogProps) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [column, setColumn] = useState<string | null>(null);
  const [matchCase, setMatchCase] = useState(false);
  const [wholeCell, setWholeCell] = useState(false);
  const [preview, setPreview] = useState<{ matches: number; skipped: number } | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => setPreview(null), [find, replace, column, matchCase, wholeCell]);

  const input = { versionId, find, replace, column, matchCase, wholeCell };
  return (
    <dialog ref={dialog} className="find-replace" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('reviewing.replace.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => setPreview(await api.call('edits.findReplace', { ...input, apply: false })));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-find`}>{t('reviewing.replace.find')}</label>
          <input id={`${id}-find`} value={find} onChange={(e) => setFind(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-with`}>{t('reviewing.replace.with')}</label>
          <input id={`${id}-with`} value={replace} onChange={(e) => setReplace(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-column`}>{t('reviewing.replace.column')}</label>
          <select id={`${id}-column`} value={column ?? ''} onChange={(e) => setColumn(e.target.value === '' ? null : e.target.value)}>
            <option value="">{t('reviewing.replace.allColumns')}</option>
            {columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.label || c.name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> {t('reviewing.replace.matchCase')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={wholeCell} onChange={(e) => setWholeCell(e.target.checked)} /> {t('reviewing.replace.wholeCell')}
        </label>
        <div role="status" className="replace-preview">
          {preview && <p>{t('reviewing.replace.count', { count: formatNumber(preview.matches) })}</p>}
          {preview && preview.skipped > 0 && <p>{t('reviewing.replace.skipped', { count: formatNumber(preview.skipped) })}</p>}
        </div>
        <ErrorAlert error={error} />
        <div className="dialog-buttons">
          <button type="submit" className="button secondary" disabled={busy || find === ''}>
            {t('reviewing.replace.preview')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || !preview || preview.matches === 0}
            onClick={() =>
              void run(async () => {
                const result = await api.call('edits.findReplace', { ...input, apply: true });
                onApplied(result, result.matches);
                dialog.current?.close();
              })
            }
          >
            {t('reviewing.replace.apply')}
          </button>
          <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            {t('reviewing.replace.close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
