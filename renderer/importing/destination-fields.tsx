import { useId } from 'react';
import type { DatasetSummary, ImportPreview, ProducerSummary } from '../../shared/contract';
import { SelectField } from '../app/select-field';
import { useI18n } from '../i18n/i18n-context';

export interface Destination {
  mode: 'new' | 'version';
  name: string;
  datasetId: number | undefined;
  keyColumn: string;
  // The producer of a new dataset; undefined until the producers are known.
  producerId: number | undefined;
}

interface DestinationFieldsProps {
  value: Destination;
  onChange: (value: Destination) => void;
  datasets: DatasetSummary[];
  // The producers the user may import for (theirs; every one for an admin).
  producers: ProducerSummary[];
  columns: ImportPreview['columns'];
}

// A new dataset (of one of the user's producers), or a new version of one already here
// (compared by key column if given).
export function DestinationFields({ value, onChange, datasets, producers, columns }: DestinationFieldsProps) {
  const { t } = useI18n();
  const id = useId();
  const set = (change: Partial<Destination>) => onChange({ ...value, ...change });
  return (
    <fieldset className="destination">
      <legend>{t('importing.destination.legend')}</legend>
      <div className="choice">
        <input id={`${id}-new`} type="radio" name={`${id}-mode`} checked={value.mode === 'new'} onChange={() => set({ mode: 'new' })} />
        <label htmlFor={`${id}-new`}>{t('importing.destination.newDataset')}</label>
      </div>
      {value.mode === 'new' && (
        <div className="field nested">
          <label htmlFor={`${id}-name`}>{t('importing.destination.name')}</label>
          <input id={`${id}-name`} value={value.name} maxLength={200} required onChange={(e) => set({ name: e.target.value })} />
        </div>
      )}
      {value.mode === 'new' && producers.length > 1 && (
        <div className="nested">
          <SelectField
            label={t('importing.destination.producer')}
            value={value.producerId ?? producers[0]!.id}
            options={producers.map((producer) => ({ value: producer.id, label: producer.name }))}
            onChange={(producerId) => set({ producerId })}
          />
        </div>
      )}
      {value.mode === 'new' && producers.length === 1 && (
        <p className="nested hint">{t('importing.destination.producerOnly', { name: producers[0]!.name })}</p>
      )}
      {datasets.length > 0 && (
        <div className="choice">
          <input
            id={`${id}-version`}
            type="radio"
            name={`${id}-mode`}
            checked={value.mode === 'version'}
            onChange={() => set({ mode: 'version', datasetId: value.datasetId ?? datasets[0]!.id })}
          />
          <label htmlFor={`${id}-version`}>{t('importing.destination.newVersion')}</label>
        </div>
      )}
      {value.mode === 'version' && (
        <div className="nested form-grid">
          <SelectField
            label={t('importing.destination.dataset')}
            value={value.datasetId ?? datasets[0]!.id}
            options={datasets.map((dataset) => ({ value: dataset.id, label: t('importing.destination.datasetOption', { name: dataset.name, producer: dataset.producerName }) }))}
            onChange={(datasetId) => set({ datasetId })}
          />
          <SelectField
            label={t('importing.destination.keyColumn')}
            hint={t('importing.destination.keyHelp')}
            value={value.keyColumn}
            options={[
              { value: '', label: t('importing.destination.noKey') },
              ...columns.map((column) => ({ value: column.name, label: column.label || column.name })),
            ]}
            onChange={(keyColumn) => set({ keyColumn })}
          />
        </div>
      )}
    </fieldset>
  );
}
