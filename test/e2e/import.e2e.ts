import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api-client';
import { inProcessTransport } from '../../electron/host/in-process-transport';
import { adminPassword } from '../support/temp-workspace';
import { expectCleanText, expectNoSeriousViolations, startBrowserSession, type BrowserSession } from './support/browser-session';

// Issue 3's promise through the page: choose a CSV, see the preview, change a column's type,
// import, find the dataset in the list.
let session: BrowserSession;
let page: Page;
let admin: ApiClient;
const csvPath = join(tmpdir(), `atelier-e2e-communes-${process.pid}.csv`);

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

afterAll(async () => session?.close());

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
