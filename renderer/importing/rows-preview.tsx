import { useId } from 'react';
import type { CellValue, ImportPreview } from '../../shared/contract';
import { useI18n } from '../i18n/i18n-context';

export function RowsPreview({ preview }: { preview: ImportPreview }) {
  const { t, locale, formatNumber } = useI18n();
  const id = useId();
  // No thousands separator: codes and years read as typed (2024, not 2 024).
  const numbers = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { useGrouping: false, maximumFractionDigits: 20 });
  const show = (value: CellValue) => (typeof value === 'number' ? numbers.format(value) : value === null ? '' : String(value));
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
                    {show(value)}
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
