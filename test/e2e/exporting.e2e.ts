import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../shared/api-client';
import { inProcessTransport } from '../../electron/host/in-process-transport';
import { makeVersion } from '../support/make-version';
import { adminPassword } from '../support/temp-workspace';
import { expectCleanText, expectNoSeriousViolations, startBrowserSession, type BrowserSession } from './support/browser-session';

// Export from the review page in Chromium: click, get the file the browser downloads, read it.
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  const admin = createApiClient(inProcessTransport(session.mode.service));
  await admin.call('session.setup', { name: 'admin', password: adminPassword });
  makeVersion(session.mode.service.services.db, {
    name: 'Subventions 2024',
    columns: [
      { name: 'beneficiaire', type: 'text', label: 'Bénéficiaire' },
      { name: 'montant', type: 'decimal', label: 'Montant' },
      { name: 'vote', type: 'date', label: 'Date du vote' },
      { name: 'verse', type: 'boolean', label: 'Versé' },
    ],
    rows: [
      ['=HYPERLINK("http://evil.example","Cliquez")', -1500.5, '2024-03-08', 1],
      ['Association des Amis du Musée', 2000, '2024-04-01', 0],
    ],
  });
  await session.browser.contexts()[0]!.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await session.openPage();
  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Mot de passe').fill(adminPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Relire le jeu « Subventions 2024 »' }).click();
  await page.getByRole('heading', { name: 'Relecture : Subventions 2024' }).waitFor();
});

afterAll(async () => session?.close());

async function download(button: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: await readFile(path) };
}

test('Exporter en CSV: the browser downloads the version, formulas neutralised', async () => {
  const { name, body } = await download('Exporter en CSV');
  expect(name).toBe('Subventions 2024-v1.csv');
  expect(body.toString('utf8').split('\r\n')).toEqual([
    'Bénéficiaire,Montant,Date du vote,Versé',
    `"'=HYPERLINK(""http://evil.example"",""Cliquez"")",-1500.5,2024-03-08,true`,
    'Association des Amis du Musée,2000,2024-04-01,false',
    '',
  ]);
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Fichier Subventions 2024-v1.csv prêt' }).count()).toBe(1);
  await expectNoSeriousViolations(page, 'the review page after an export');
  await expectCleanText(page);
});

test('Exporter en Excel: numbers, dates and booleans typed in the sheet', async () => {
  const { name, body } = await download('Exporter en Excel (XLSX)');
  expect(name).toBe('Subventions 2024-v1.xlsx');
  const sheet = XLSX.read(body, { cellDates: true }).Sheets['Données']!;
  expect(sheet.A2).toMatchObject({ t: 's', v: `'=HYPERLINK("http://evil.example","Cliquez")` });
  expect(sheet.B2).toMatchObject({ t: 'n', v: -1500.5 });
  expect(sheet.C2!.t).toBe('d');
  expect(sheet.D3).toMatchObject({ t: 'b', v: false });
});

test('Ctrl+C of a formula-like cell puts it in the clipboard neutralised', async () => {
  await page.locator('.ag-row[row-index="0"] [role="gridcell"][col-id="beneficiaire"]').click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`'=HYPERLINK("http://evil.example","Cliquez")\t-1500,5`);
});
