import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ColumnInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { neutraliseFormula } from '../../shared/exporting/formula-injection';
import { getColumns, quoteColumn, versionRowsTable } from '../datasets/version-store';
import type { Db } from '../workspace/open-workspace';

// RFC 4180 as portals read it: UTF-8 without BOM, comma, CRLF after every record (the RFC's
// line break), fields quoted only when they hold a comma, a quote or a line break. Header:
// the column labels as they were in the source file (the SCDL's "nomAttribuant", not the
// SQL name), the name when the label was blank. Values: numbers with a decimal point, dates
// and datetimes in ISO 8601 as stored, booleans true/false, empty for NULL; a value flagged as
// not fitting its type is written as it was read. A cell that a spreadsheet would run as a
// formula is neutralised unless the caller asked for the raw values.
const rowsPerPage = 5000;

function field(value: string | number | null, type: ColumnInfo['type'], raw: boolean): string {
  if (value === null) return '';
  if (type === 'boolean' && (value === 0 || value === 1)) return value === 1 ? 'true' : 'false';
  const plain = typeof value === 'number' ? numberText(value) : value;
  const text = raw ? plain : neutraliseFormula(plain, value, type);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Plain digits, never 1e+21: the portal's parser and the agent's spreadsheet both read them.
function numberText(value: number): string {
  const text = String(value);
  return /e/i.test(text) && Number.isFinite(value) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

export async function exportVersionCsv(db: Db, versionId: number, outPath: string, options: { raw: boolean }): Promise<{ rows: number }> {
  const columns = getColumns(db, versionId);
  if (columns.length === 0) throw new AppError('versions.not_found', { versionId });
  const select = columns.map((c) => quoteColumn(columns, c.name)).join(', ');
  const out = createWriteStream(outPath);
  const failed = once(out, 'error').then(([error]) => Promise.reject(error));
  failed.catch(() => {});
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write(columns.map((c) => field(c.label.trim() === '' ? c.name : c.label, 'text', options.raw)).join(',') + '\r\n');
  // Pages by _row rather than one open cursor: the connection stays free for others between
  // two writes.
  const page = db
    .prepare(`SELECT _row, ${select} FROM "${versionRowsTable(versionId)}" WHERE _row > ? ORDER BY _row LIMIT ${rowsPerPage}`)
    .raw(true);
  let rows = 0;
  for (let after = 0; ; ) {
    const batch = page.all(after) as (string | number | null)[][];
    if (batch.length === 0) break;
    let chunk = '';
    for (const row of batch) {
      let line = '';
      for (let c = 0; c < columns.length; c++) line += (c === 0 ? '' : ',') + field(row[c + 1]!, columns[c]!.type, options.raw);
      chunk += line + '\r\n';
    }
    await write(chunk);
    rows += batch.length;
    after = batch[batch.length - 1]![0] as number;
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return { rows };
}
