import { useId } from 'react';
import type { CellValue, ColumnType, ImportPreview } from '../../shared/contract';
import { useI18n } from '../i18n/i18n-context';

export function RowsPreview({ preview }: { preview: ImportPreview }) {
  const { t, locale, formatNumber } = useI18n();
  const id = useId();
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  // No thousands separator: codes and years read as typed (2024, not 2 024).
  const numbers = new Intl.NumberFormat(tag, { useGrouping: false, maximumFractionDigits: 20 });
  const dates = new Intl.DateTimeFormat(tag, { timeZone: 'UTC' });
  // Values arrive as stored (dates in ISO); show them as the person writes them.
  const show = (value: CellValue, type: ColumnType | undefined) => {
    if (typeof value === 'number') return numbers.format(value);
    if (typeof value === 'boolean') return t(value ? 'importing.preview.yes' : 'importing.preview.no');
    if (value === null) return '';
    if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dates.format(new Date(`${value}T00:00:00Z`));
    return value;
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('importing.preview.title')}</h2>
      {/* Scrollable region: focusable so keyboard users can scroll it too. */}
      <div className="table-scroll preview-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
        <table className="data-table compact">
          <caption id={`${id}-caption`}>
            {t('importing.preview.caption', { shown: formatNumber(preview.rows.length), total: formatNumber(preview.rowCount) })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">{t('importing.preview.rowNumber')}</th>
              {preview.columns.map((column) => (
                <th scope="col" key={column.name}>
                  {column.label || column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, index) => (
              <tr key={index}>
                <td className="numeric muted">{index + 1}</td>
                {row.map((value, column) => (
                  <td key={column} className={typeof value === 'number' ? 'numeric' : undefined}>
                    {show(value, preview.columns[column]?.type)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
