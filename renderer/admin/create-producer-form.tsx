import { useId, useState, type FormEvent } from 'react';
import { producerKind, type ProducerKind, type ProducerSummary } from '../../shared/contract';
import { api } from '../api';
import { ErrorAlert } from '../app/error-alert';
import { Field } from '../app/field';
import { SelectField } from '../app/select-field';
import { useAction } from '../app/use-action';
import { useI18n } from '../i18n/i18n-context';

interface CreateProducerFormProps {
  producers: ProducerSummary[];
  onCreated: (producer: ProducerSummary) => void;
}

// A producer by hand (an organisation outside the COG, or a commune added later).
export function CreateProducerForm({ producers, onCreated }: CreateProducerFormProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProducerKind>('commune');
  const [code, setCode] = useState('');
  const [parentId, setParentId] = useState(0);
  const { busy, error, run } = useAction();
  const epcis = producers.filter((p) => p.kind === 'epci');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await api.call('producers.create', {
        name,
        kind,
        code: code.trim() || null,
        parentId: kind === 'commune' && parentId > 0 ? parentId : null,
      });
      setName('');
      setCode('');
      onCreated(created);
    });
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>{t('producers.create.title')}</h2>
      <ErrorAlert error={error} />
      <div className="form-grid">
        <Field label={t('producers.create.name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
        <SelectField
          label={t('producers.create.kind')}
          value={kind}
          options={producerKind.options.map((k) => ({ value: k, label: t(`producers.kinds.${k}`) }))}
          onChange={setKind}
        />
        <Field
          label={t('producers.create.code')}
          hint={t('producers.create.codeHelp')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
        />
        {kind === 'commune' && epcis.length > 0 && (
          <SelectField
            label={t('producers.create.parent')}
            value={parentId}
            options={[{ value: 0, label: t('producers.create.noParent') }, ...epcis.map((p) => ({ value: p.id, label: p.name }))]}
            onChange={setParentId}
          />
        )}
      </div>
      <button type="submit" className="button primary" disabled={busy || name.trim().length === 0}>
        {t('producers.create.submit')}
      </button>
    </form>
  );
}
