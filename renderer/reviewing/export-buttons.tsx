import { useState } from 'react';
import { ApiError } from '../../shared/api-client';
import { exportResult, type ExportFormat } from '../../shared/contract';
import { isErrorCode } from '../../shared/errors';
import { api } from '../api';
import { runJob } from '../app/wait-for-job';
import { useI18n } from '../i18n/i18n-context';

interface ExportButtonsProps {
  versionId: number;
  versionNumber: number;
  onStatus: (text: string) => void;
  onError: (error: unknown) => void;
}

// "Exporter" on the review page: the saved version (not pending edits) as CSV or XLSX, with
// formula-like cells neutralised. The service writes the file in a job, then hands it over:
// in browser mode a one-time link the page follows at once.
export function ExportButtons({ versionId, versionNumber, onStatus, onError }: ExportButtonsProps) {
  const { t, formatNumber } = useI18n();
  const [running, setRunning] = useState<ExportFormat | null>(null);

  async function run(format: ExportFormat) {
    setRunning(format);
    onError(null);
    onStatus(t('exporting.running', { number: versionNumber }));
    try {
      const job = await runJob(
        api,
        () => api.call('export.start', { versionId, format }),
        ({ done, total }) => total !== null && onStatus(t('exporting.progress', { done: formatNumber(done), total: formatNumber(total) })),
      );
      if (job.status !== 'done') {
        const error = job.error ?? { code: 'api.internal', params: {} };
        throw new ApiError({ code: isErrorCode(error.code) ? error.code : 'api.internal', params: error.params });
      }
      const result = exportResult.parse(job.result);
      const delivery = await api.call('export.download', { exportId: result.exportId });
      if (delivery.kind === 'link') {
        const link = document.createElement('a');
        link.href = delivery.url;
        link.download = result.fileName;
        document.body.append(link);
        link.click();
        link.remove();
      }
      onStatus(t('exporting.done', { name: result.fileName, rows: formatNumber(result.rows) }));
    } catch (caught) {
      onStatus('');
      onError(caught);
    } finally {
      setRunning(null);
    }
  }

  return (
    <div className="export-buttons" role="group" aria-label={t('exporting.group', { number: versionNumber })}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <button key={format} type="button" className="button small secondary" disabled={running !== null} onClick={() => void run(format)}>
          {t(`exporting.as.${format}`)}
        </button>
      ))}
    </div>
  );
}
