import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api-client';
import { inProcessTransport } from '../../electron/host/in-process-transport';
import { adminPassword } from '../support/temp-workspace';
import { expectCleanText, expectNoSeriousViolations, startBrowserSession, type BrowserSession } from './support/browser-session';

// Producers through the page: an admin imports an EPCI from the COG, gives a commune a
// member; that member imports into the commune and sees it named in the datasets list.
let session: BrowserSession;
let page: Page;
let admin: ApiClient;
const csvPath = join(tmpdir(), `atelier-e2e-producers-${process.pid}.csv`);

beforeAll(async () => {
  writeFileSync(csvPath, 'equipement;places\r\nGymnase;120\r\nPiscine;300\r\n');
  session = await startBrowserSession();
  admin = createApiClient(inProcessTransport(session.mode.service));
  await admin.call('session.setup', { name: 'admin', password: adminPassword });
  const camille = await admin.call('users.create', { name: 'camille', displayName: 'Camille Roux', password: adminPassword, role: 'agent' });
  // A password an admin set is provisional: Camille replaces it (twice, back to the one the
  // test signs in with), so that this test is about producers, not the forced change.
  const asCamille = createApiClient(inProcessTransport(session.mode.service));
  await asCamille.call('session.signIn', { name: 'camille', password: adminPassword });
  await asCamille.call('session.changePassword', { currentPassword: adminPassword, newPassword: `${adminPassword}!` });
  await asCamille.call('session.changePassword', { currentPassword: `${adminPassword}!`, newPassword: adminPassword });
  // Already an agent of the producer every workspace starts with.
  await admin.call('producers.setMember', { producerId: 1, userId: camille.id, role: 'agent' });
  page = await session.openPage();
  await signIn('admin');
});

afterAll(async () => {
  await session?.close();
  rmSync(csvPath, { force: true });
});

const nav = () => page.getByRole('navigation', { name: 'Navigation principale' });

async function signIn(name: string) {
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await page.getByLabel('Identifiant').fill(name);
  await page.getByLabel('Mot de passe').fill(adminPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Jeux de données' }).waitFor();
}

test('an admin imports an EPCI and its communes from the COG, and creates a producer by hand', async () => {
  await nav().getByRole('button', { name: 'Producteurs' }).click();
  await page.getByRole('heading', { name: 'Producteurs', level: 1 }).waitFor();
  await expectNoSeriousViolations(page, 'the producers page');

  const cog = page.getByRole('form', { name: 'Importer une intercommunalité' });
  await cog.getByLabel('Nom ou SIREN de l’EPCI').fill('faucigny glieres');
  await cog.getByRole('button', { name: 'Chercher' }).click();
  await cog.getByText('CC Faucigny - Glières').waitFor();
  await expectNoSeriousViolations(page, 'the COG search results');
  await cog.getByRole('button', { name: 'Importer CC Faucigny - Glières et ses communes' }).click();
  await page.getByText('CC Faucigny - Glières et ses communes : 8 producteurs créés.').waitFor();
  const table = page.getByRole('table', { name: 'Producteurs de cet espace de travail' });
  await table.getByRole('rowheader', { name: 'Bonneville' }).waitFor();
  await expect.poll(() => table.getByRole('row').count()).toBe(1 + 1 + 8);

  const create = page.getByRole('form', { name: 'Nouveau producteur' });
  await create.getByLabel('Nom').fill('Syndicat des eaux du Giffre');
  await create.getByLabel('Type').selectOption({ label: 'Autre organisme' });
  await create.getByRole('button', { name: 'Créer le producteur' }).click();
  await page.getByText('Le producteur « Syndicat des eaux du Giffre » a été créé.').waitFor();
  await expectCleanText(page);
});

test('the admin makes Camille an agent of Bonneville', async () => {
  await page.getByRole('button', { name: 'Gérer les membres de Bonneville' }).click();
  const members = page.getByRole('region', { name: 'Membres de Bonneville' });
  await members.getByText('Aucun membre pour l’instant.').waitFor();
  await expectNoSeriousViolations(page, 'a producer without members');
  await members.getByLabel('Compte').selectOption({ label: 'Camille Roux (camille)' });
  await members.getByLabel('Rôle dans ce producteur').selectOption({ label: 'Agent' });
  await members.getByRole('button', { name: 'Ajouter' }).click();
  await members.getByText('camille est membre, avec le rôle Agent.').waitFor();
  await members.getByRole('table', { name: 'Comptes membres de Bonneville' }).getByRole('rowheader', { name: 'Camille Roux' }).waitFor();
  await expectNoSeriousViolations(page, 'the members of a producer');
  await page.screenshot({ path: '/tmp/atelier-producers.png', fullPage: true });
});

test('Camille imports for Bonneville, chosen among her producers, and sees it in the list', async () => {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn('camille');
  expect(await nav().getByRole('button', { name: 'Producteurs' }).count()).toBe(0);
  await nav().getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Choisir un fichier…').setInputFiles(csvPath);
  await page.getByRole('heading', { name: 'Colonnes et types' }).waitFor();
  await page.getByLabel('Nom du jeu de données').fill('Équipements sportifs');
  // Camille belongs to the default producer and to Bonneville: she picks one.
  await page.getByLabel('Producteur (collectivité propriétaire du jeu)').selectOption({ label: 'Bonneville' });
  await expectNoSeriousViolations(page, 'the import destination with a producer');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByText('Le jeu de données « Équipements sportifs » a été importé : 2 lignes.').waitFor({ timeout: 30_000 });
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Équipements sportifs' }) });
  await row.getByRole('cell', { name: 'Bonneville', exact: true }).waitFor();
  await expectNoSeriousViolations(page, 'the datasets list with producers');
  await expectCleanText(page);
});

test('nothing on these screens was refused by the Content-Security-Policy', () => {
  expect(session.cspViolations).toEqual([]);
});
