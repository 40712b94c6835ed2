import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api-client';
import { inProcessTransport } from '../../electron/host/in-process-transport';
import { samplesDir } from '../support/fixtures';
import { adminPassword } from '../support/temp-workspace';
import { expectCleanText, expectNoSeriousViolations, startBrowserSession, type BrowserSession } from './support/browser-session';

// Issue 3's promise through the page: choose a CSV, see the preview, change a column's type,
// import, find the dataset in the list.
let session: BrowserSession;
let page: Page;
let admin: ApiClient;
const csvPath = join(tmpdir(), `atelier-e2e-communes-${process.pid}.csv`);
const bigCsvPath = join(tmpdir(), `atelier-e2e-big-${process.pid}.csv`);

beforeAll(async () => {
  // Windows-style French export: semicolons, CRLF, leading-zero codes, decimal commas.
  writeFileSync(
    csvPath,
    [
      'code_insee;commune;population;surface_km2;date_recensement',
      '01004;Ambérieu-en-Bugey;14514;24,6;01/01/2021',
      '01053;Bourg-en-Bresse;41248;23,86;01/01/2021',
      '01173;Gex;13277;32,04;01/01/2021',
      '01283;Oyonnax;22346;36,03;01/01/2021',
    ].join('\r\n') + '\r\n',
  );
  session = await startBrowserSession();
  admin = createApiClient(inProcessTransport(session.mode.service));
  await admin.call('session.setup', { name: 'admin', password: adminPassword });
  page = await session.openPage();
  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Mot de passe').fill(adminPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Jeux de données' }).waitFor();
});

afterAll(async () => {
  await session?.close();
  rmSync(csvPath, { force: true });
  rmSync(bigCsvPath, { force: true });
});

const dropZone = () => page.getByRole('region', { name: 'Zone de dépôt de fichier' });

async function openImport() {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('button', { name: 'Import' }).click();
  await dropZone().waitFor();
}

test('a CSV goes from the file picker to the datasets list, with a type changed on the way', async () => {
  await page.getByRole('button', { name: 'Importer mon premier fichier' }).click();
  await page.getByRole('heading', { name: 'Importer un fichier' }).waitFor();
  await page.getByLabel('Choisir un fichier…').setInputFiles(csvPath);

  await page.getByRole('heading', { name: 'Colonnes et types' }).waitFor();
  await page.getByText('Les 4 premières lignes sur 4').waitFor();
  const inseeType = page.getByLabel('Type de la colonne « code_insee »');
  // Leading zeros: a code, kept as text.
  expect(await inseeType.inputValue()).toBe('text');
  await page.getByRole('cell', { name: '01004', exact: true }).waitFor();
  const populationType = page.getByLabel('Type de la colonne « population »');
  expect(await populationType.inputValue()).toBe('integer');
  await populationType.selectOption({ label: 'Nombre décimal' });
  await page.getByText('Choisi par vous').waitFor();
  await expectNoSeriousViolations(page, 'the import preview');
  await expectCleanText(page);
  await page.screenshot({ path: '/tmp/atelier-import-preview.png', fullPage: true });

  await page.getByLabel('Nom du jeu de données').fill('Communes de l’Ain');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();

  await page.getByRole('heading', { name: 'Jeux de données' }).waitFor({ timeout: 30_000 });
  await page.getByText('Le jeu de données « Communes de l’Ain » a été importé : 4 lignes.').waitFor();
  await page.getByRole('rowheader', { name: 'Communes de l’Ain' }).waitFor();
  await expectNoSeriousViolations(page, 'the datasets list');
  await page.screenshot({ path: '/tmp/atelier-datasets-list.png', fullPage: true });

  const [dataset] = await admin.call('datasets.list', {});
  const { versions } = await admin.call('datasets.get', { datasetId: dataset!.id });
  const types = Object.fromEntries(versions[0]!.columns.map((c) => [c.name, c.type]));
  expect(types).toMatchObject({ code_insee: 'text', population: 'decimal', surface_km2: 'decimal', date_recensement: 'date' });
});

test('a file that is not a table is refused with a French sentence that says what to do', async () => {
  await openImport();
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 1, 2, 3, 0xff, 0xfe])], 'rapport.pdf'));
    return transfer;
  });
  await dropZone().dispatchEvent('drop', { dataTransfer });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/^Ce fichier n'est pas un tableau lisible .* Enregistrez-le dans l'un de ces formats/);
  await expectCleanText(page);
  await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();
  await dropZone().waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
});

test('a workbook with several sheets: the warning names them, another sheet is one choice away', async () => {
  await openImport();
  // Read in place from the team's samples (three sheets: london, paris, rome).
  await page.getByLabel('Choisir un fichier…').setInputFiles(join(samplesDir, 'edge', 'frictionless-sheets.xlsx'));
  await page.getByText('La feuille « Sheet1 » a été choisie ; 2 autre(s) feuille(s) contiennent aussi des données', { exact: false }).waitFor();
  await page.getByRole('cell', { name: 'london', exact: true }).waitFor();
  await page.getByLabel('Feuille').selectOption({ label: 'Sheet2' });
  await page.getByRole('cell', { name: 'paris', exact: true }).waitFor();
  expect(await page.getByRole('cell', { name: 'london', exact: true }).count()).toBe(0);
  await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();
});

test('a dropped file becomes a new version of the dataset, compared by its key column', async () => {
  await openImport();
  const text = 'code_insee;commune;population;surface_km2;date_recensement\n01004;Ambérieu-en-Bugey;14600;24,6;01/01/2022\n01053;Bourg-en-Bresse;41248;23,86;01/01/2022\n01173;Gex;13277;32,04;01/01/2022\n01283;Oyonnax;22346;36,03;01/01/2022\n01450;Valserhône;16767;48,2;01/01/2022\n';
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'communes-2022.csv', { type: 'text/csv' }));
    return transfer;
  }, text);
  await dropZone().dispatchEvent('drop', { dataTransfer });
  await page.getByText('Les 5 premières lignes sur 5').waitFor();

  await page.getByLabel('Nouvelle version d’un jeu existant').check();
  expect(await page.getByLabel('Jeu de données', { exact: true }).inputValue()).not.toBe('');
  await page.getByLabel('Colonne clé (facultatif)').selectOption({ label: 'code_insee' });
  await expectNoSeriousViolations(page, 'the import destination');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();

  await page.getByText('Le jeu de données « Communes de l’Ain » a été importé : 5 lignes.').waitFor({ timeout: 30_000 });
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Communes de l’Ain' }) });
  // After the producer's cell, the number of versions.
  await expect.poll(() => row.getByRole('cell').nth(1).innerText()).toBe('2');
  const [dataset] = await admin.call('datasets.list', {});
  const { versions } = await admin.call('datasets.get', { datasetId: dataset!.id });
  expect(versions.find((v) => v.number === 2)?.changes).toMatchObject({ keyColumn: 'code_insee', rowsAdded: 1, rowsRemoved: 0 });
});

test('a long import shows its progress and can be cancelled, leaving nothing behind', async () => {
  const lines = ['code;libelle;montant;date'];
  for (let i = 0; i < 600_000; i++) lines.push(`${String(i % 99999).padStart(5, '0')};Ligne ${i};${i},25;15/03/2023`);
  writeFileSync(bigCsvPath, lines.join('\n'));
  await openImport();
  await page.getByLabel('Choisir un fichier…').setInputFiles(bigCsvPath);
  await page.getByRole('heading', { name: 'Colonnes et types' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Nom du jeu de données').fill('Trop long');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();

  await page.getByRole('heading', { name: 'Import en cours' }).waitFor();
  await page.getByRole('progressbar', { name: 'Avancement de l’import' }).waitFor();
  // job.progress events, pushed over the event stream, move the phase and the row count.
  await page.getByText(/Lecture du fichier · [\d\s\u202f]+ lignes traitées/).waitFor();
  await expectNoSeriousViolations(page, 'the import progress');
  await page.screenshot({ path: '/tmp/atelier-import-progress.png' });
  await page.getByRole('button', { name: 'Annuler l’import' }).click();

  await page.getByText('Opération annulée', { exact: false }).waitFor({ timeout: 30_000 });
  expect((await admin.call('datasets.list', {})).map((d) => d.name)).toEqual(['Communes de l’Ain']);
});

test('nothing on these screens was refused by the Content-Security-Policy', () => {
  expect(session.cspViolations).toEqual([]);
});
