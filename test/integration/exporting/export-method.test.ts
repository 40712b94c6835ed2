import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, expect, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../shared/api-client';
import { exportResult } from '../../../shared/contract';
import { startHttpHost, type HttpHost } from '../../../electron/host/http-host';
import { createHttpTransport } from '../../../renderer/http-transport';
import { makeVersion } from '../../support/make-version';
import { adminPassword, openTestWorkspace, tempDir, userPassword, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
let http: HttpHost | undefined;
afterEach(async () => {
  await http?.close();
  http = undefined;
  await ws?.close();
});

const columns = [
  { name: 'code', type: 'text' as const, label: 'Code' },
  { name: 'montant', type: 'decimal' as const, label: 'Montant' },
  { name: 'nombre', type: 'integer' as const, label: 'Nombre' },
  { name: 'actif', type: 'boolean' as const, label: 'Actif' },
  { name: 'debut', type: 'date' as const, label: 'Début' },
  { name: 'maj', type: 'datetime' as const, label: 'Mise à jour' },
];
const rows = [
  ['=HYPERLINK("http://evil.example","x")', -5, 12, 1, '2024-03-08', '2024-03-08T14:05:00'],
  ['01000', 1234.5, -3, 0, '1899-12-31', null],
  ['Texte & <balise> _x0041_ \u0001', null, 'douze', 1, 'pas une date', '2000-01-01T00:00:00'],
];

function seed(db: TestWorkspace['host']['services']['db']) {
  return makeVersion(db, { name: 'Subventions 2024 / mairie', columns, rows, typeErrors: [{ row: 3, column: 'nombre' }, { row: 3, column: 'debut' }] });
}

async function exported(client: ApiClient, versionId: number, format: 'csv' | 'xlsx', raw = false) {
  const { jobId } = await client.call('export.start', { versionId, format, raw });
  const job = await ws.host.services.jobs.wait(jobId);
  expect(job, JSON.stringify(job.error)).toMatchObject({ kind: 'export', status: 'done' });
  return exportResult.parse(job.result);
}

async function overHttp(name = 'admin'): Promise<ApiClient> {
  http ??= await startHttpHost({ host: ws.host });
  const client = createApiClient(createHttpTransport({ baseUrl: http.origin, token: http.token }));
  await client.call('session.signIn', { name, password: name === 'admin' ? adminPassword : userPassword });
  return client;
}

test('export.start writes a CSV in a job, audited; export.download gives a one-time link for its owner only', async () => {
  ws = await openTestWorkspace();
  const { versionId } = seed(ws.host.services.db);
  await ws.signedIn('agent', 'paul');
  const paul = await overHttp('paul');
  const result = await exported(paul, versionId, 'csv');
  expect(result).toMatchObject({ fileName: 'Subventions 2024 _ mairie-v1.csv', format: 'csv', rows: 3 });

  const delivery = await paul.call('export.download', { exportId: result.exportId });
  expect(delivery.kind).toBe('link');
  const url = `${http!.origin}${delivery.kind === 'link' ? delivery.url : ''}`;
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toBe(
    `attachment; filename="Subventions 2024 _ mairie-v1.csv"; filename*=UTF-8''Subventions%202024%20_%20mairie-v1.csv`,
  );
  expect((await response.text()).split('\r\n')).toEqual([
    'Code,Montant,Nombre,Actif,Début,Mise à jour',
    `"'=HYPERLINK(""http://evil.example"",""x"")",-5,12,true,2024-03-08,2024-03-08T14:05:00`,
    '01000,1234.5,-3,false,1899-12-31,',
    'Texte & <balise> _x0041_ \u0001,,douze,true,pas une date,2000-01-01T00:00:00',
    '',
  ]);
  // Spent: the same link answers nothing the second time, nor does a made-up one.
  expect((await fetch(url)).status).toBe(404);
  expect((await fetch(`${http!.origin}/api/downloads/${'A'.repeat(43)}`)).status).toBe(404);

  // Another user cannot fetch Paul's file, even knowing its id.
  const marie = await overHttp('admin');
  await expect(marie.call('export.download', { exportId: result.exportId })).rejects.toMatchObject({ error: { code: 'export.not_found' } });

  const audit = await ws.admin.call('audit.list', { limit: 5 });
  expect(audit.find((e) => e.action === 'export.created')).toMatchObject({
    actor: 'paul',
    details: { versionId, format: 'csv', raw: false, rows: 3 },
  });
});

test('XLSX keeps the column types, neutralises formulas unless raw, and reads back with SheetJS', async () => {
  ws = await openTestWorkspace();
  const { versionId } = seed(ws.host.services.db);
  const { dir, cleanup } = tempDir();
  const { saveTo } = await import('../../../electron/exporting/export-delivery');
  const read = async (raw: boolean) => {
    const result = await exported(ws.admin, versionId, 'xlsx', raw);
    const path = join(dir, `${raw ? 'raw' : 'safe'}.xlsx`);
    await saveTo(path).deliver(ws.host.services.exports.get(result.exportId, 1));
    const book = XLSX.read(readFileSync(path), { cellDates: true });
    expect(book.SheetNames).toEqual(['Données']);
    return book.Sheets['Données']!;
  };
  const sheet = await read(false);
  expect(sheet['!ref']).toBe('A1:F4');
  expect(['A1', 'B1', 'F1'].map((r) => sheet[r]!.v)).toEqual(['Code', 'Montant', 'Mise à jour']);
  expect(sheet.A2).toMatchObject({ t: 's', v: `'=HYPERLINK("http://evil.example","x")` });
  expect(sheet.B2).toMatchObject({ t: 'n', v: -5 });
  expect(sheet.C2).toMatchObject({ t: 'n', v: 12 });
  expect(sheet.D2).toMatchObject({ t: 'b', v: true });
  expect(sheet.E2!.t).toBe('d');
  expect((sheet.E2!.v as Date).toISOString()).toBe('2024-03-08T00:00:00.000Z');
  // SheetJS reads a serial back to the millisecond, give or take one.
  const toSecond = (d: unknown) => new Date(Math.round((d as Date).getTime() / 1000) * 1000).toISOString();
  expect(toSecond(sheet.F2!.v)).toBe('2024-03-08T14:05:00.000Z');
  expect(sheet.A3).toMatchObject({ t: 's', v: '01000' });
  expect(sheet.D3).toMatchObject({ t: 'b', v: false });
  // Before Excel's dates begin: kept as the text it was.
  expect(sheet.E3).toMatchObject({ t: 's', v: '1899-12-31' });
  expect(sheet.F3).toBeUndefined();
  expect(sheet.A4).toMatchObject({ t: 's', v: 'Texte & <balise> _x0041_ \u0001' });
  expect(sheet.B4).toBeUndefined();
  expect(sheet.C4).toMatchObject({ t: 's', v: 'douze' });
  expect(sheet.E4).toMatchObject({ t: 's', v: 'pas une date' });
  expect(toSecond(sheet.F4!.v)).toBe('2000-01-01T00:00:00.000Z');

  expect((await read(true)).A2).toMatchObject({ t: 's', v: `=HYPERLINK("http://evil.example","x")` });
  cleanup();
});

test('a version the caller cannot see cannot be exported', async () => {
  ws = await openTestWorkspace();
  await expect(ws.admin.call('export.start', { versionId: 999, format: 'csv' })).rejects.toMatchObject({ error: { code: 'versions.not_found' } });
  await expect(ws.admin.call('export.download', { exportId: 'nope' })).rejects.toMatchObject({ error: { code: 'export.not_found' } });
});
