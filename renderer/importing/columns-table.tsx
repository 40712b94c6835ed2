import { useId } from 'react';
import { columnType, type ColumnType, type ImportPreview } from '../../shared/contract';
import { useI18n } from '../i18n/i18n-context';

interface ColumnsTableProps {
  columns: ImportPreview['columns'];
  // The person's choices, by column name; a column absent here keeps its detected type. A Map:
  // names come from the file (`constructor` is a column like any other).
  overrides: ReadonlyMap<string, ColumnType>;
  onChange: (overrides: ReadonlyMap<string, ColumnType>) => void;
}

export function ColumnsTable({ columns, overrides, onChange }: ColumnsTableProps) {
  const { t, message, formatNumber } = useI18n();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('importing.columns.title')}</h2>
      <p className="hint">{t('importing.columns.help')}</p>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('importing.columns.name')}</th>
              <th scope="col">{t('importing.columns.type')}</th>
              <th scope="col">{t('importing.columns.reason')}</th>
              <th scope="col" className="numeric">{t('importing.columns.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => {
              const chosen = overrides.get(column.name);
              return (
                <tr key={column.name}>
                  <th scope="row">{column.label || column.name}</th>
                  <td>
                    <select
                      aria-label={t('importing.columns.typeLabel', { column: column.label || column.name })}
                      value={chosen ?? column.type}
                      onChange={(e) => {
                        const type = columnType.parse(e.target.value);
                        const next = new Map(overrides);
                        if (type === column.type) next.delete(column.name);
                        else next.set(column.name, type);
                        onChange(next);
                      }}
                    >
                      {columnType.options.map((type) => (
                        <option key={type} value={type}>
                          {t(`importing.types.${type}`)}
                        </option>
                      ))}
                    </select>
                    {chosen && <span className="tag tag-info">{t('importing.columns.changed')}</span>}
                  </td>
                  <td className="wrap">{message(column.reason)}</td>
                  <td className="numeric">{formatNumber(column.errorCount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
