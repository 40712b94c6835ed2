import { useId } from 'react';
import { delimiter, frenchEncodings, otherEncodings, type Delimiter, type ImportPreview, type ImportSettings } from '../../shared/contract';
import { Field } from '../app/field';
import { SelectField } from '../app/select-field';
import { useI18n, type UiKey } from '../i18n/i18n-context';

const delimiterLabels: Record<Delimiter, UiKey> = {
  ';': 'importing.settings.delimiters.semicolon',
  ',': 'importing.settings.delimiters.comma',
  '\t': 'importing.settings.delimiters.tab',
  '|': 'importing.settings.delimiters.pipe',
};

interface SettingsFormProps {
  preview: ImportPreview;
  // Only what the person changed; the rest stays detected by the services.
  overrides: ImportSettings;
  onChange: (overrides: ImportSettings) => void;
}

export function SettingsForm({ preview, overrides, onChange }: SettingsFormProps) {
  const { t } = useI18n();
  const id = useId();
  const { settings } = preview;
  const isText = preview.format === 'csv';
  const sheet = typeof settings.sheet === 'number' ? settings.sheet : preview.sheets.find((s) => s.name === settings.sheet)?.index;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('importing.settings.title')}</h2>
      <p className="hint">{t('importing.settings.help')}</p>
      <div className="form-grid">
        {preview.sheets.length > 0 && (
          <SelectField
            label={t('importing.settings.sheet')}
            value={sheet ?? 0}
            options={preview.sheets.map((s) => ({
              value: s.index,
              label: s.hidden ? t('importing.settings.hiddenSheet', { name: s.name }) : s.name,
            }))}
            // Another sheet has its own header row: let the services find it again.
            onChange={(index) => onChange({ ...overrides, sheet: index, headerRow: undefined })}
          />
        )}
        <Field
          label={t('importing.settings.headerRow')}
          type="number"
          min={1}
          inputMode="numeric"
          value={overrides.headerRow ?? settings.headerRow ?? 1}
          onChange={(e) => {
            const row = Number(e.target.value);
            if (Number.isInteger(row) && row >= 1) onChange({ ...overrides, headerRow: row });
          }}
        />
        {isText && (
          <SelectField
            label={t('importing.settings.encoding')}
            value={settings.encoding ?? 'utf-8'}
            options={[
              ...frenchEncodings.map((value) => ({ value, label: t(`importing.settings.encodings.${value}`) })),
              // Other scripts' code pages are named as their standards name them.
              ...otherEncodings.map((value) => ({ value, label: value.toUpperCase() })),
            ]}
            onChange={(value) => onChange({ ...overrides, encoding: value })}
          />
        )}
        {isText && (
          <SelectField
            label={t('importing.settings.delimiter')}
            value={settings.delimiter ?? ';'}
            options={delimiter.options.map((value) => ({ value, label: t(delimiterLabels[value]) }))}
            onChange={(value) => onChange({ ...overrides, delimiter: value })}
          />
        )}
      </div>
    </section>
  );
}
