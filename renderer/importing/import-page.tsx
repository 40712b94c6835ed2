import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api-client';
import type { ColumnType, EventPayload, ImportPreview, ImportSettings, JobInfo } from '../../shared/contract';
import type { ErrorPayload } from '../../shared/errors';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { PageHeading } from '../app/page-heading';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n/i18n-context';
import { ColumnsTable } from './columns-table';
import { DestinationFields, type Destination } from './destination-fields';
import { DropZone } from './drop-zone';
import { ImportProgress, type ProgressState } from './import-progress';
import { RowsPreview } from './rows-preview';
import { SettingsForm } from './settings-form';
import { uploadFile } from './upload-file';

interface UploadedFile {
  fileToken: string;
  fileName: string;
  size: number;
}

interface RunningJob {
  jobId: string | null;
  progress: ProgressState;
  cancelling: boolean;
}

// A changed setting waits this long for the next keystroke before asking for a new preview.
const previewDelayMs = 300;

// Choose a file → preview with the detected settings → adjust → import with progress.
// Nothing is written to the workspace before the person presses "Importer".
export function ImportPage({ onImported }: { onImported: (imported: { name: string; rows: number }) => void }) {
  const { t, formatSize, formatNumber, message } = useI18n();
  const datasets = useLoad(() => api.call('datasets.list', {}));
  const producers = useLoad(() => api.call('producers.list', {}));
  const [uploading, setUploading] = useState<{ fileName: string; percent: number } | null>(null);
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [overrides, setOverrides] = useState<ImportSettings>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [analysing, setAnalysing] = useState(false);
  const [columnTypes, setColumnTypes] = useState<ReadonlyMap<string, ColumnType>>(new Map());
  const [destination, setDestination] = useState<Destination>({ mode: 'new', name: '', datasetId: undefined, keyColumn: '', producerId: undefined });
  const [job, setJob] = useState<RunningJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const jobId = useRef<string | null>(null);
  // A job's last event can beat the reply of importing.start: keep it until the id is known.
  const finishedEarly = useRef(new Map<string, JobInfo>());
  const finish = useRef<(info: JobInfo) => void>(() => {});

  async function chooseFile(chosen: File) {
    setError(null);
    setNotice(null);
    setPreview(null);
    setFile(null);
    setUploading({ fileName: chosen.name, percent: 0 });
    try {
      const fileToken = await uploadFile(chosen, (sent) =>
        setUploading({ fileName: chosen.name, percent: chosen.size ? Math.round((100 * sent) / chosen.size) : 100 }),
      );
      setOverrides({});
      setColumnTypes(new Map());
      setDestination((d) => ({ ...d, mode: 'new', name: chosen.name.replace(/\.[^.]+$/, ''), datasetId: undefined, keyColumn: '' }));
      setFile({ fileToken, fileName: chosen.name, size: chosen.size });
    } catch (caught) {
      setError(caught);
    } finally {
      setUploading(null);
    }
  }

  useEffect(() => {
    if (!file) return;
    let current = true;
    const timer = setTimeout(() => {
      setAnalysing(true);
      api.call('importing.preview', { fileToken: file.fileToken, settings: overrides }).then(
        (next) => {
          if (!current) return;
          setPreview(next);
          setError(null);
          setAnalysing(false);
        },
        (caught: unknown) => {
          if (!current) return;
          setError(caught);
          setAnalysing(false);
        },
      );
    }, previewDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [file, overrides]);

  finish.current = (info) => {
    jobId.current = null;
    if (info.status === 'done') {
      const name =
        destination.mode === 'new' ? destination.name : (datasets.data?.find((d) => d.id === destination.datasetId)?.name ?? '');
      const rows = typeof info.result?.rowCount === 'number' ? info.result.rowCount : (preview?.rowCount ?? info.done);
      onImported({ name, rows });
      return;
    }
    setJob(null);
    if (info.status === 'cancelled') setNotice(message({ code: 'errors.jobs.cancelled', params: {} }));
    else setError(new ApiError((info.error as ErrorPayload | null) ?? { code: 'api.internal', params: {} }));
  };

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name === 'job.progress') {
          const { jobId: id, phase, done, total } = event.payload as EventPayload<'job.progress'>;
          if (id === jobId.current) setJob((running) => running && { ...running, progress: { phase, done, total } });
        } else if (event.name === 'job.finished') {
          const info = event.payload as JobInfo;
          if (info.id === jobId.current) finish.current(info);
          else finishedEarly.current.set(info.id, info);
        }
      }),
    [],
  );

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!file || !preview) return;
    setError(null);
    setNotice(null);
    setJob({ jobId: null, progress: { phase: 'start', done: 0, total: null }, cancelling: false });
    // Choices made before another delimiter or sheet changed the columns no longer apply.
    const chosenTypes = Object.fromEntries([...columnTypes].filter(([name]) => preview.columns.some((c) => c.name === name)));
    try {
      const { jobId: id } = await api.call('importing.start', {
        fileToken: file.fileToken,
        settings: { ...preview.settings, columnTypes: { ...preview.settings.columnTypes, ...chosenTypes } },
        ...(destination.mode === 'new'
          ? { datasetName: destination.name.trim(), producerId: destination.producerId ?? producers.data?.[0]?.id }
          : { datasetId: destination.datasetId, keyColumn: destination.keyColumn || undefined }),
      });
      jobId.current = id;
      setJob((running) => running && { ...running, jobId: id });
      const early = finishedEarly.current.get(id);
      if (early) finish.current(early);
    } catch (caught) {
      setJob(null);
      setError(caught);
    }
  }

  async function cancel() {
    if (!job?.jobId) return;
    setJob({ ...job, cancelling: true });
    try {
      await api.call('jobs.cancel', { jobId: job.jobId });
    } catch (caught) {
      setError(caught);
    }
  }

  if (job) return <ImportProgress progress={job.progress} cancelling={job.cancelling} onCancel={() => void cancel()} />;

  const canStart =
    preview !== null && !analysing && (destination.mode === 'new' ? destination.name.trim().length > 0 : destination.datasetId !== undefined);

  return (
    <section className="import-page">
      <PageHeading>{t('importing.title')}</PageHeading>
      <p className="lead">{t('importing.intro')}</p>
      <ErrorAlert error={error} />
      {notice && (
        <p className="alert alert-info" role="status">
          {notice}
        </p>
      )}
      {!file && !uploading && <DropZone onFile={(chosen) => void chooseFile(chosen)} />}
      {uploading && (
        <p className="panel" role="status">
          {t('importing.uploading', { fileName: uploading.fileName, percent: uploading.percent })}
        </p>
      )}
      {file && (
        <div className="file-bar">
          <p>
            {preview
              ? t('importing.fileSummary', { fileName: file.fileName, size: formatSize(file.size), rows: formatNumber(preview.rowCount) })
              : file.fileName}
          </p>
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              setFile(null);
              setError(null);
              setNotice(null);
            }}
          >
            {t('importing.otherFile')}
          </button>
        </div>
      )}
      {file && analysing && (
        <p role="status" className="muted">
          {t('importing.analysing')}
        </p>
      )}
      {file && preview && (
        <>
          {preview.warnings.length > 0 && (
            <section className="alert alert-warning" aria-labelledby="import-warnings">
              <h2 id="import-warnings">{t('importing.warningsTitle')}</h2>
              <ul>
                {preview.warnings.map((warning, index) => (
                  <li key={index}>{message(warning)}</li>
                ))}
              </ul>
            </section>
          )}
          <SettingsForm preview={preview} overrides={overrides} onChange={setOverrides} />
          <ColumnsTable columns={preview.columns} overrides={columnTypes} onChange={setColumnTypes} />
          <RowsPreview preview={preview} />
          <form className="panel" onSubmit={(event) => void start(event)} aria-labelledby="import-destination">
            <h2 id="import-destination">{t('importing.destination.title')}</h2>
            <DestinationFields
              value={destination}
              onChange={setDestination}
              datasets={datasets.data ?? []}
              producers={producers.data ?? []}
              columns={preview.columns}
            />
            <button type="submit" className="button primary large" disabled={!canStart}>
              {t('importing.start')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
