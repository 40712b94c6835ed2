import { useId, useState } from 'react';
import type { ColumnInfo, CommentEntry } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';
import type { FocusedCell } from './review-grid';
import { TargetFieldset, targetOf, useTargetLabel, type TargetKind } from './target-picker';

interface CommentsPanelProps {
  versionId: number;
  columns: readonly ColumnInfo[];
  comments: readonly CommentEntry[];
  focused: FocusedCell | null;
  onAdded: () => void;
  onJump: (rowId: number, column: string | null) => void;
}

// Comments on a cell, a row or a column of the version; everyone who reviews sees them.
export function CommentsPanel({ versionId, columns, comments, focused, onAdded, onJump }: CommentsPanelProps) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const [target, setTarget] = useState<TargetKind>('cell');
  const [body, setBody] = useState('');
  const { busy, error, run } = useAction();
  const where = useTargetLabel(columns);

  const submit = () =>
    run(async () => {
      if (!focused) return;
      await api.call('comments.add', { versionId, ...targetOf(focused, target), body });
      setBody('');
      onAdded();
    });

  return (
    <div className="comments-panel">
      {comments.length === 0 && <p>{t('reviewing.comments.none')}</p>}
      <ul className="side-list">
        {comments.map((c) => (
          <li key={c.id}>
            <button type="button" className="button link" onClick={() => onJump(c.rowId ?? 0, c.column)} disabled={c.rowId === null}>
              {where(c)}
            </button>
            <p className="comment-body">{c.body}</p>
            <p className="hint">{t('reviewing.comments.by', { author: c.author, at: formatDateTime(c.at) })}</p>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TargetFieldset legend={t('reviewing.comments.target')} kind={target} onKind={setTarget} focused={focused} columns={columns} />
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('reviewing.comments.body')}</label>
          <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={4000} />
        </div>
        <ErrorAlert error={error} />
        <button type="submit" className="button small primary" disabled={busy || !focused || body.trim() === ''}>
          {t('reviewing.comments.add')}
        </button>
      </form>
    </div>
  );
}
