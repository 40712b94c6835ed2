import { useId } from 'react';
import { hasMessage } from '../../shared/i18n/catalog';
import { PageHeading } from '../app/page-heading';
import { useI18n } from '../i18n/i18n-context';

export interface ProgressState {
  phase: string;
  done: number;
  total: number | null;
}

interface ImportProgressProps {
  progress: ProgressState;
  cancelling: boolean;
  onCancel: () => void;
}

export function ImportProgress({ progress, cancelling, onCancel }: ImportProgressProps) {
  const { t, message, formatNumber } = useI18n();
  const id = useId();
  const phaseKey = `importing.phase.${progress.phase}`;
  const phase = hasMessage(phaseKey) ? message({ code: phaseKey, params: {} }) : t('importing.phase.other');
  const rows =
    progress.total === null
      ? t('importing.progress.rows', { rows: formatNumber(progress.done) })
      : t('importing.progress.rowsOf', { rows: formatNumber(progress.done), total: formatNumber(progress.total) });
  return (
    <section className="panel progress-panel">
      <PageHeading>{t('importing.progress.title')}</PageHeading>
      <p id={`${id}-phase`} aria-live="polite">
        <strong>{phase}</strong> · {rows}
      </p>
      {/* Without a known total the bar is indeterminate rather than stuck at zero. */}
      <progress
        aria-label={t('importing.progress.label')}
        aria-describedby={`${id}-phase`}
        max={progress.total ?? undefined}
        value={progress.total === null ? undefined : progress.done}
      />
      <button type="button" className="button secondary" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t('importing.progress.cancelling') : t('importing.progress.cancel')}
      </button>
    </section>
  );
}
