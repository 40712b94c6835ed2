import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useEffect, useId, useState } from 'react';
import type { CellValue, ColumnInfo } from '../../shared/contract';
import { api } from '../api';
import { useI18n, type UiKey } from '../i18n/i18n-context';
import { formatCell } from './cell-format';

const textTypes = ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'] as const;
type TextType = (typeof textTypes)[number];

export interface ValuesFilterParams {
  versionId: number;
  column: ColumnInfo;
}


// Text and yes/no columns: a text condition, or, for a column with few distinct values, a
// list of them to tick (AG Grid's set filter is not in the community edition). The model is
// what the service understands: { filterType: 'text', … } or { filterType: 'set', values }.
export function ValuesFilter({ model, onModelChange, versionId, column }: CustomFilterProps & ValuesFilterParams) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [values, setValues] = useState<{ value: CellValue; count: number }[] | null>(null);
  const [complete, setComplete] = useState(true);
  const [type, setType] = useState<TextType>(model?.filterType === 'text' && 'type' in model ? (model.type as TextType) : 'contains');
  const [text, setText] = useState(model?.filterType === 'text' && 'filter' in model ? (model.filter ?? '') : '');
  const [ticked, setTicked] = useState<CellValue[] | null>(model?.filterType === 'set' ? model.values : null);

  // The service filters the rows (infinite row model); AG Grid still waits for this callback
  // to be registered before it applies a new model.
  useGridFilter({ doesFilterPass: () => true });

  useEffect(() => {
    let current = true;
    api.call('grid.distinctValues', { versionId, column: column.name }).then(
      (result) => {
        if (!current) return;
        setValues(result.values);
        setComplete(result.complete);
      },
      () => current && setComplete(false),
    );
    return () => {
      current = false;
    };
  }, [versionId, column.name]);

  const applyText = () => {
    if (type === 'blank' || type === 'notBlank') onModelChange({ filterType: 'text', type });
    else onModelChange(text === '' ? null : { filterType: 'text', type, filter: text });
  };
  const toggle = (value: CellValue) => {
    const all = values?.map((v) => v.value) ?? [];
    const current = ticked ?? all;
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    const everything = next.length === all.length;
    setTicked(everything ? null : next);
    onModelChange(everything ? null : { filterType: 'set', values: next });
  };

  return (
    <div className="values-filter">
      {column.type !== 'boolean' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            applyText();
          }}
        >
          <label htmlFor={`${id}-type`}>{t('reviewing.filter.condition')}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as TextType)}>
            {textTypes.map((tt) => (
              <option key={tt} value={tt}>
                {t(`reviewing.filter.${tt}` as UiKey)}
              </option>
            ))}
          </select>
          {type !== 'blank' && type !== 'notBlank' && (
            <>
              <label htmlFor={`${id}-text`}>{t('reviewing.filter.value')}</label>
              <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} />
            </>
          )}
          <div className="values-filter-buttons">
            <button type="submit" className="button small primary">
              {t('reviewing.filter.apply')}
            </button>
            <button
              type="button"
              className="button small secondary"
              onClick={() => {
                setText('');
                setTicked(null);
                onModelChange(null);
              }}
            >
              {t('reviewing.filter.clear')}
            </button>
          </div>
        </form>
      )}
      {values && complete && (
        <fieldset>
          <legend>{t('reviewing.filter.values')}</legend>
          <ul>
            {values.map((v) => (
              <li key={String(v.value)}>
                <label>
                  <input type="checkbox" checked={(ticked ?? values.map((x) => x.value)).includes(v.value)} onChange={() => toggle(v.value)} />{' '}
                  {v.value === null || v.value === '' ? t('reviewing.profile.blank') : formatCell(column.type, v.value, i18n)} ({i18n.formatNumber(v.count)})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {!complete && <p className="hint">{t('reviewing.filter.tooMany')}</p>}
    </div>
  );
}
