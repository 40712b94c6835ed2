import type { EditState } from '../../shared/contract';
import { useI18n } from '../i18n/i18n-context';

interface ReviewToolbarProps {
  state: EditState | undefined;
  busy: boolean;
  hasRange: boolean;
  rangeRows: number;
  onUndo: () => void;
  onRedo: () => void;
  onAddRow: () => void;
  onDeleteRows: () => void;
  onFillDown: () => void;
  onFindReplace: () => void;
  onSave: () => void;
}

export function ReviewToolbar(p: ReviewToolbarProps) {
  const { t, formatNumber } = useI18n();
  const pending = p.state?.pending ?? 0;
  return (
    <div className="review-toolbar" role="toolbar" aria-label={t('reviewing.toolbar')}>
      <button type="button" className="button small secondary" onClick={p.onUndo} disabled={p.busy || !p.state?.canUndo} title={t('reviewing.undoHint')}>
        {t('reviewing.undo')}
      </button>
      <button type="button" className="button small secondary" onClick={p.onRedo} disabled={p.busy || !p.state?.canRedo} title={t('reviewing.redoHint')}>
        {t('reviewing.redo')}
      </button>
      <button type="button" className="button small secondary" onClick={p.onAddRow} disabled={p.busy}>
        {t('reviewing.addRow')}
      </button>
      <button type="button" className="button small secondary" onClick={p.onDeleteRows} disabled={p.busy || !p.hasRange}>
        {t('reviewing.deleteRows')}
      </button>
      <button type="button" className="button small secondary" onClick={p.onFillDown} disabled={p.busy || p.rangeRows < 2} title={t('reviewing.fillDownHint')}>
        {t('reviewing.fillDown')}
      </button>
      <button type="button" className="button small secondary" onClick={p.onFindReplace} disabled={p.busy}>
        {t('reviewing.findReplace')}
      </button>
      <span className="pending" role="status">
        {pending > 0 ? t('reviewing.pending', { count: formatNumber(pending) }) : t('reviewing.noPending')}
      </span>
      <button type="button" className="button small primary" onClick={p.onSave} disabled={p.busy || pending === 0}>
        {t('reviewing.save')}
      </button>
    </div>
  );
}
