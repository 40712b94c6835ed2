import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { ColumnType } from '../../../shared/contract';
import { safeColumnNames } from '../../../electron/importing/column-names';
import { importedVersion, importFile, preview } from '../../support/import-helpers';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await ws?.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempCsv(content: string): string {
  const { dir, cleanup } = tempDir('atelier-headers-');
  cleanups.push(cleanup);
  const path = join(dir, 'entetes.csv');
  writeFileSync(path, content);
  return path;
}

// Headers taken from data must never be looked up in a plain object: every name that
// Object.prototype carries (constructor, __proto__, toString, hasOwnProperty…) is a header here.
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

test('every Object.prototype name as a header previews and imports as plain text columns', async () => {
  ws = await openTestWorkspace();
  const header = prototypeNames.join(';');
  const path = tempCsv(`${header}\n${prototypeNames.map((_, i) => `valeur ${i}`).join(';')}\n${prototypeNames.map((_, i) => `${i}`).join(';')}\n`);
  const names = safeColumnNames(prototypeNames);

  const shown = await preview(ws.host, ws.admin, path);
  expect(shown.columns.map((c) => c.name)).toEqual(names);
  expect(shown.columns.map((c) => c.label)).toEqual(prototypeNames);
  expect(shown.columns.every((c) => c.type === 'text')).toBe(true);
  expect(shown.rows[0]).toEqual(prototypeNames.map((_, i) => `valeur ${i}`));

  // A type given for one of them applies to that column only.
  const text: ColumnType = 'text';
  const { version, rows } = await importedVersion(ws.host, ws.admin, path, { columnTypes: { constructor: text, valueof: text } });
  expect(version.columns.map((c) => [c.name, c.label, c.type])).toEqual(names.map((n, i) => [n, prototypeNames[i], 'text']));
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({ constructor: 'valeur 0', _row: 1 });
  expect(version.source?.settings.columnTypes).toEqual({ constructor: 'text', valueof: 'text' });
});

test('a type override naming a prototype member that is not a column is refused', async () => {
  ws = await openTestWorkspace();
  const path = tempCsv('commune;montant\nLyon;3\n');
  const job = await importFile(ws.host, ws.admin, path, { settings: { columnTypes: Object.fromEntries(new Map<string, ColumnType>([['toString', 'integer']])) } });
  expect(job.status).toBe('failed');
  expect(job.error).toEqual({ code: 'import.bad_type_override', params: { column: 'toString' } });
});

test('a CSV wider than SQLite allows is refused before anything is written, with what to do', async () => {
  ws = await openTestWorkspace();
  const width = 2100;
  const labels = Array.from({ length: width }, (_, i) => `c${i + 1}`);
  const path = tempCsv(`${labels.join(';')}\n${labels.map((_, i) => i).join(';')}\n`);
  const tablesBefore = ws.host.services.db.prepare('SELECT name FROM sqlite_master ORDER BY name').pluck().all();
  expect(await ws.admin.reply('importing.preview', { fileToken: ws.host.services.files.register(path), settings: {} })).toEqual({
    ok: false,
    error: { code: 'import.too_many_columns', params: { count: width, max: 1999 } },
  });
  const job = await importFile(ws.host, ws.admin, path);
  expect(job.status).toBe('failed');
  expect(job.error).toEqual({ code: 'import.too_many_columns', params: { count: width, max: 1999 } });
  expect(await ws.admin.call('datasets.list', {})).toEqual([]);
  expect(ws.host.services.db.prepare('SELECT name FROM sqlite_master ORDER BY name').pluck().all()).toEqual(tablesBefore);
});

test('a CSV of 1,999 columns, the widest a version can hold, imports', async () => {
  ws = await openTestWorkspace();
  const labels = Array.from({ length: 1999 }, (_, i) => `c${i + 1}`);
  const path = tempCsv(`${labels.join(';')}\n${labels.map((_, i) => i).join(';')}\n`);
  const { version, rows } = await importedVersion(ws.host, ws.admin, path);
  expect(version.columns).toHaveLength(1999);
  expect(rows[0]).toMatchObject({ c1: 0, c1999: 1998 });
});
