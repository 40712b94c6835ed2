import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { EventPayload } from '../../../shared/contract';
import { afterEach, expect, test } from 'vitest';
import { createServiceHost } from '../../../electron/host/service-host';
import { importedVersion, importFile, preview, versionRows } from '../../support/import-helpers';
import { adminPassword, openTestWorkspace, tempDir, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await ws?.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempFile(name: string, content: string | Buffer): string {
  const { dir, cleanup } = tempDir('atelier-import-');
  cleanups.push(cleanup);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function bigCsv(rows: number): string {
  let text = 'id;commune;montant;date\n';
  for (let i = 1; i <= rows; i++) text += `${i};Commune ${i % 97};${i},50;${String((i % 28) + 1).padStart(2, '0')}/03/2021\n`;
  return tempFile('big.csv', text);
}

function stagingTables(ws: TestWorkspace): string[] {
  return (ws.host.services.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'staging%'").all() as { name: string }[]).map((t) => t.name);
}

test('cancelling leaves no version and no staging table', async () => {
  ws = await openTestWorkspace();
  const path = bigCsv(300_000);
  const fileToken = ws.host.services.files.register(path);
  let jobId = '';
  const reading = new Promise<void>((resolve) =>
    ws.host.onEvent((event) => {
      if (event.name !== 'job.progress') return;
      const progress = event.payload as EventPayload<'job.progress'>;
      if (progress.jobId === jobId && progress.done > 0) resolve();
    }),
  );
  ({ jobId } = await ws.admin.call('importing.start', { fileToken, settings: {} }));
  await reading;
  await ws.admin.call('jobs.cancel', { jobId });
  const job = await ws.host.services.jobs.wait(jobId);
  expect(job.status).toBe('cancelled');
  expect(job.error?.code).toBe('jobs.cancelled');
  expect(await ws.admin.call('datasets.list', {})).toEqual([]);
  expect(stagingTables(ws)).toEqual([]);
});

test('a process killed mid-import leaves no version; its staging table goes at the next open', async () => {
  ws = await openTestWorkspace();
  const path = bigCsv(400_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'import', path, '--workspace', ws.path, '--user', 'admin'], {
    env: { ...process.env, ATELIER_PASSWORD: adminPassword },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; i < 1000 && stagingTables(ws).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(stagingTables(ws)).toHaveLength(1);
  child.kill('SIGKILL');
  await exited;
  expect(ws.host.services.db.prepare('SELECT COUNT(*) AS n FROM versions').get()).toEqual({ n: 0 });
  await ws.host.close();
  const reopened = createServiceHost({ workspacePath: ws.path, log: () => {} });
  try {
    expect(reopened.services.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name LIKE 'staging%'").get()).toEqual({ n: 0 });
    expect(reopened.services.db.prepare('SELECT COUNT(*) AS n FROM datasets').get()).toEqual({ n: 0 });
  } finally {
    await reopened.close();
  }
  ws = await openTestWorkspace();
}, 60_000);

test('a new file into a dataset: new version, change summary with and without a key, settings replayed', async () => {
  ws = await openTestWorkspace();
  // Windows-1252, a title above the header, a code column the agent types as text.
  const first = tempFile(
    'v1.csv',
    iconv.encode('Subventions 2023\n\nCode;Bénéficiaire;Montant\n001;Asso A;1 200,50\n002;Asso B;300\n003;Asso C;50\n', 'windows-1252'),
  );
  const v1 = await importedVersion(ws.host, ws.admin, first, { columnTypes: { code: 'text' } });
  expect(v1.version.source).toMatchObject({
    fileName: 'v1.csv',
    format: 'csv',
    settings: { encoding: 'windows-1252', delimiter: ';', headerRow: 3, columnTypes: { code: 'text' } },
  });
  expect(v1.version.source?.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(v1.rows[0]).toMatchObject({ code: '001', beneficiaire: 'Asso A', montant: 1200.5 });

  // The scheduler's replay: same settings on next year's file, into the same dataset.
  const second = tempFile(
    'v2.csv',
    iconv.encode('Subventions 2024\n\nCode;Bénéficiaire;Montant;Service\n001;Asso A;1 200,50;Culture\n002;Asso B;350;Sport\n004;Asso D;10;Culture\n', 'windows-1252'),
  );
  const datasetId = v1.version.datasetId;
  const replay = await importFile(ws.host, ws.admin, second, { settings: v1.version.source!.settings, datasetId, keyColumn: 'code' });
  expect(replay.status).toBe('done');
  const { versions } = await ws.admin.call('datasets.get', { datasetId });
  expect(versions.map((v) => v.number)).toEqual([1, 2]);
  expect(versions[1]!.changes).toEqual({
    columnsAdded: ['service'],
    columnsRemoved: [],
    rowsBefore: 3,
    rowsAfter: 3,
    keyColumn: 'code',
    rowsAdded: 1,
    rowsRemoved: 1,
    rowsChanged: 1,
  });
  expect(versions[1]!.source?.settings).toMatchObject({ encoding: 'windows-1252', headerRow: 3 });

  const noKey = await importFile(ws.host, ws.admin, first, { settings: v1.version.source!.settings, datasetId });
  expect(noKey.status).toBe('done');
  const after = (await ws.admin.call('datasets.get', { datasetId })).versions[2]!;
  expect(after.changes).toEqual({
    columnsAdded: [],
    columnsRemoved: ['service'],
    rowsBefore: 3,
    rowsAfter: 3,
    keyColumn: null,
    rowsAdded: null,
    rowsRemoved: null,
    rowsChanged: null,
  });
  // Each import is in the hash-chained audit log, written with its version.
  const audit = await ws.admin.call('audit.list', { limit: 50 });
  expect(audit.filter((entry) => entry.action === 'dataset.import').map((entry) => entry.details.version)).toEqual([3, 2, 1]);
  expect((await ws.admin.call('audit.verify', {})).ok).toBe(true);
});

test('a key with duplicates is refused with a clear error', async () => {
  ws = await openTestWorkspace();
  const path = tempFile('dup.csv', 'code;n\nA;1\nA;2\n');
  const { version } = await importedVersion(ws.host, ws.admin, path);
  const job = await importFile(ws.host, ws.admin, path, { datasetId: version.datasetId, keyColumn: 'code' });
  expect(job.error).toEqual({ code: 'compare.key_not_unique', params: { column: 'code', count: 1 } });
});

test('a type override keeps what does not fit as text and flags it', async () => {
  ws = await openTestWorkspace();
  const path = tempFile('override.csv', 'id;montant\n1;12,5\n2;n/a\n3;\n4;7\n');
  const { version, rows } = await importedVersion(ws.host, ws.admin, path, { columnTypes: { montant: 'integer' } });
  expect(version.columns.find((c) => c.name === 'montant')).toMatchObject({ type: 'integer', errorCount: 2 });
  expect(rows.map((r) => r.montant)).toEqual(['12,5', 'n/a', null, 7]);
  const { findings } = await ws.admin.call('findings.list', { versionId: version.id });
  expect(findings.map((f) => [f.rowId, f.column, f.source, f.severity, f.code, f.params])).toEqual([
    [1, 'montant', 'type', 'warning', 'type.mismatch', { type: 'integer' }],
    [2, 'montant', 'type', 'warning', 'type.mismatch', { type: 'integer' }],
  ]);
  const unknown = await ws.admin.reply('importing.preview', {
    fileToken: ws.host.services.files.register(path),
    settings: { columnTypes: { nope: 'integer' } },
  });
  expect(unknown).toEqual({ ok: false, error: { code: 'import.bad_type_override', params: { column: 'nope' } } });
});

test('a column 99 % numbers is reported and left as text, never coerced', async () => {
  ws = await openTestWorkspace();
  let text = 'id;valeur\n';
  for (let i = 1; i <= 300; i++) text += `${i};${i === 150 ? 'non communiqué' : i === 220 ? 'n/a' : `${i},5`}\n`;
  const path = tempFile('mostly.csv', text);
  const result = await preview(ws.host, ws.admin, path);
  const column = result.columns.find((c) => c.name === 'valeur')!;
  expect(column.type).toBe('text');
  expect(column.reason.code).toBe('importing.reasons.mostly');
  expect(result.warnings).toContainEqual({
    code: 'importing.warnings.mostly_typed',
    params: { column: 'valeur', type: 'decimal', percent: 99.3, count: 2, example: 'non communiqué', line: 151 },
  });
  // Whole column, not a sample: the odd values sit far from the top.
  expect(result.rowCount).toBe(300);
  const overridden = await preview(ws.host, ws.admin, path, { columnTypes: { valeur: 'decimal' } });
  expect(overridden.columns.find((c) => c.name === 'valeur')).toMatchObject({ type: 'decimal', errorCount: 2 });
  expect(overridden.rows[0]).toEqual([1, 1.5]);
});

test('ragged rows are reported with counts and first line numbers, never shifted', async () => {
  ws = await openTestWorkspace();
  const path = tempFile('ragged.csv', 'a;b;c\nv;2;3\nw;5\nx;7;8;9\n"multi\nligne";12;13\nz;11\n');
  const result = await preview(ws.host, ws.admin, path);
  expect(result.warnings).toContainEqual({ code: 'importing.warnings.ragged_rows', params: { short: 2, long: 1, lines: '3, 4, 7' } });
  expect(result.rows).toEqual([
    ['v', 2, 3, null],
    ['w', 5, null, null],
    ['x', 7, 8, 9],
    ['multi\nligne', 12, 13, null],
    ['z', 11, null, null],
  ]);
});

test('every encoding, detected or chosen by the agent', async () => {
  ws = await openTestWorkspace();
  const text = 'Élève;Montant;Remarque\r\nBéatrice;12,5 €;très bien, à revoir\r\nŒuvre;3;déjà vu\r\n';
  const files: [string, Buffer][] = [
    ['utf-8', Buffer.from(text)],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['utf-16le', iconv.encode(text, 'utf-16le', { addBOM: true })],
    ['utf-16le', iconv.encode(text, 'utf-16le')],
    ['utf-16be', iconv.encode(text, 'utf-16be', { addBOM: true })],
    ['utf-16be', iconv.encode(text, 'utf-16be')],
    ['windows-1252', iconv.encode(text, 'windows-1252')],
    // Latin-9 puts € and Œ where Windows-1252 has ¤ and ¼: read as French only in Latin-9.
    ['iso-8859-15', iconv.encode(text, 'iso-8859-15')],
    // CP850 (DOS) has neither € nor Œ.
    ['cp850', iconv.encode(text.replace('Œ', 'O').replace(' €', ''), 'cp850')],
  ];
  for (const [encoding, bytes] of files) {
    const result = await preview(ws.host, ws.admin, tempFile(`${encoding}.csv`, bytes));
    expect(result.settings.encoding, encoding).toBe(encoding);
    expect(result.columns.map((c) => c.label)).toEqual(['Élève', 'Montant', 'Remarque']);
    expect(result.rows[0]).toEqual(['Béatrice', 12.5, 'très bien, à revoir']);
  }
  // The agent's choice wins over the detection.
  const latin9 = tempFile('latin9.csv', iconv.encode(text, 'iso-8859-15'));
  const chosen = await preview(ws.host, ws.admin, latin9, { encoding: 'windows-1252' });
  expect(chosen.settings.encoding).toBe('windows-1252');
  expect(chosen.rows.map((r) => r[0])).toEqual(['Béatrice', '¼uvre']);
});

test('export round trip: CSV out, same rows and types back in', async () => {
  ws = await openTestWorkspace();
  const source = tempFile('source.csv', 'Code;Libellé;Montant;Date;Actif\n01000;"Texte, avec ""guillemets""";1 234,5;31/12/2023;oui\n2A004;"deux\nlignes";-3;01/01/2024;non\n');
  const first = await importedVersion(ws.host, ws.admin, source);
  const { exportedFile } = await import('../../support/export-file');
  const { body } = await exportedFile(ws.host, ws.admin, 1, first.version.id, 'csv');
  const out = tempFile('export.csv', body);
  expect(body.toString('utf8')).toBe(
    'Code,Libellé,Montant,Date,Actif\r\n01000,"Texte, avec ""guillemets""",1234.5,2023-12-31,true\r\n2A004,"deux\nlignes",-3,2024-01-01,false\r\n',
  );
  const again = await importedVersion(ws.host, ws.admin, out);
  expect(again.version.columns.map((c) => [c.name, c.type])).toEqual(first.version.columns.map((c) => [c.name, c.type]));
  expect(again.rows).toEqual(first.rows);
  expect(versionRows(ws.host, again.version)).toHaveLength(2);
});

test('types guessed from the first rows but contradicted further down: the file is read again', async () => {
  ws = await openTestWorkspace();
  let text = 'id;valeur\n';
  // Past the first megabyte the guess was made on.
  for (let i = 1; i <= 120_000; i++) text += `${i};${i <= 110_000 ? i : `lot ${i}`}\n`;
  const phases: string[] = [];
  ws.host.onEvent((event) => {
    if (event.name === 'job.progress') phases.push((event.payload as EventPayload<'job.progress'>).phase);
  });
  const { version, rows } = await importedVersion(ws.host, ws.admin, tempFile('late-text.csv', text));
  expect(version.columns.map((c) => [c.name, c.type, c.errorCount])).toEqual([
    ['id', 'integer', 0],
    ['valeur', 'text', 0],
  ]);
  expect(rows[0]).toEqual({ _row: 1, id: 1, valeur: '1' });
  expect(rows[119_999]).toEqual({ _row: 120_000, id: 120_000, valeur: 'lot 120000' });
  expect(phases).toContain('rereading');
});

test('values past the table, far down a big file, are counted and reported', async () => {
  ws = await openTestWorkspace();
  let text = 'a;b\n';
  for (let i = 1; i <= 100_000; i++) text += `${i};${i}\n`;
  text += 'x;y;perdu\n';
  const result = await preview(ws.host, ws.admin, tempFile('long-tail.csv', text));
  expect(result.columns.map((c) => c.name)).toEqual(['a', 'b']);
  expect(result.warnings).toContainEqual({ code: 'importing.warnings.ragged_rows', params: { short: 0, long: 1, lines: '100002' } });
  expect(result.warnings).toContainEqual({ code: 'importing.warnings.cells_left_out', params: { count: 1, lines: '100002' } });
});

test('a two-row header from CSV: the group label continues over its blanks', async () => {
  ws = await openTestWorkspace();
  const path = tempFile('two-rows.csv', 'Commune;Montant;;Date\n;2019;2020;\nSète;1;2;01/02/2020\n');
  const result = await preview(ws.host, ws.admin, path, { headerRows: 2 });
  expect(result.columns.map((c) => [c.name, c.label])).toEqual([
    ['commune', 'Commune'],
    ['montant_2019', 'Montant 2019'],
    ['montant_2020', 'Montant 2020'],
    ['date', 'Date'],
  ]);
  expect(result.rows).toEqual([['Sète', 1, 2, '2020-02-01']]);
});

test('the agent overrides the delimiter and the header row', async () => {
  ws = await openTestWorkspace();
  const path = tempFile('pipes.csv', 'Export du 01/02/2024\nnom|montant\nA|1,5\nB|2\n');
  const detected = await preview(ws.host, ws.admin, path);
  expect(detected.settings).toMatchObject({ delimiter: '|', headerRow: 2 });
  const chosen = await preview(ws.host, ws.admin, path, { delimiter: ';', headerRow: 2 });
  expect(chosen.columns.map((c) => c.name)).toEqual(['nom_montant']);
  expect(chosen.rows).toEqual([['A|1,5'], ['B|2']]);
  // Excel's hint line names the delimiter, even against the majority.
  const hinted = await preview(ws.host, ws.admin, tempFile('hint.csv', 'sep=,\nnom,note\n"A;B",1\n"C;D",2\n'));
  expect(hinted.settings).toMatchObject({ delimiter: ',', headerRow: 2 });
  expect(hinted.rows).toEqual([['A;B', 1], ['C;D', 2]]);
  const outOfRange = await ws.admin.reply('importing.preview', { fileToken: ws.host.services.files.register(path), settings: { headerRow: 9 } });
  expect(outOfRange).toMatchObject({ ok: false, error: { code: 'import.header_row_out_of_range' } });
});

test('plain numbers in a date column are serials of the workbook’s own date system (1900 or 1904)', async () => {
  ws = await openTestWorkspace();
  const XLSX = await import('xlsx');
  const stored: Record<string, unknown> = {};
  for (const date1904 of [false, true]) {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['acte', 'date_acte'], ['A', 43000]]), 'Actes');
    book.Workbook = { WBProps: { date1904 } };
    const path = tempFile(`serials-${date1904}.xlsx`, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const settings = { columnTypes: { date_acte: 'date' as const } };
    expect((await preview(ws.host, ws.admin, path, settings)).rows[0]).toEqual(['A', date1904 ? '2021-09-23' : '2017-09-22']);
    stored[String(date1904)] = (await importedVersion(ws.host, ws.admin, path, settings)).rows[0]!.date_acte;
  }
  expect(stored).toEqual({ false: '2017-09-22', true: '2021-09-23' });
});
