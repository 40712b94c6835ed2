import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { adminPassword } from '../support/temp-workspace';
import { expectCleanText, expectNoSeriousViolations, startBrowserSession, type BrowserSession } from './support/browser-session';

// The foundation's promise, through the real page in Chromium: first run, sign-in, users
// and roles, in French, with no serious accessibility violation on any screen.
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  page = await session.openPage();
});

afterAll(async () => session?.close());

const agentPassword = 'le mot de passe de Dupont';
const nav = () => page.getByRole('navigation', { name: 'Navigation principale' });

async function signIn(name: string, password = adminPassword, landing = 'Jeux de données') {
  await expect.poll(() => page.getByRole('heading', { name: 'Connexion' }).isVisible()).toBe(true);
  await page.getByLabel('Identifiant').fill(name);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: landing }).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
}

async function createUser(name: string, role: string) {
  const form = page.getByRole('form', { name: 'Nouveau compte' });
  await form.getByLabel('Identifiant').fill(name);
  await form.getByLabel('Mot de passe provisoire').fill(adminPassword);
  await form.getByLabel('Rôle').selectOption({ label: role });
  await form.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByText(`Le compte ${name} a été créé.`).waitFor();
}

test('the first-run wizard creates the administrator', async () => {
  await page.getByRole('heading', { name: 'Bienvenue dans l’Atelier Open Data' }).waitFor();
  // The launch token left the address bar for sessionStorage.
  expect(page.url()).not.toContain('token');
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
  await expect.poll(() => page.getByText('Au moins 12 caractères', { exact: false }).isVisible()).toBe(true);
  await expectNoSeriousViolations(page, 'the first-run wizard');

  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Nom affiché (facultatif)').fill('Camille Martin');
  await page.getByLabel('Mot de passe', { exact: true }).fill('trop court');
  await page.getByText('Encore 2 caractère(s) au minimum.').waitFor();
  const create = page.getByRole('button', { name: 'Créer le compte administrateur' });
  expect(await create.isDisabled()).toBe(true);
  await page.getByLabel('Mot de passe', { exact: true }).fill(adminPassword);
  await page.getByLabel('Confirmez le mot de passe').fill(adminPassword);
  await page.screenshot({ path: '/tmp/atelier-wizard.png', fullPage: true });
  await create.click();

  await page.getByRole('heading', { name: 'Jeux de données' }).waitFor();
  await page.getByText('Aucun jeu de données pour l’instant').waitFor();
  await expectNoSeriousViolations(page, 'the empty datasets page');
  await page.screenshot({ path: '/tmp/atelier-datasets.png', fullPage: true });
  await expectCleanText(page);
});

test('the administrator signs in again and creates a reviewer and an agent', async () => {
  await signOut();
  await expectNoSeriousViolations(page, 'the sign-in page');
  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Mot de passe').fill('not the password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('alert').getByText('Identifiant ou mot de passe incorrect').waitFor();
  await signIn('admin');

  await nav().getByRole('button', { name: 'Administration' }).click();
  await page.getByRole('heading', { name: 'Utilisateurs' }).waitFor();
  await createUser('relecteur', 'Relecteur');
  await createUser('agent.dupont', 'Agent');
  const rows = page.getByRole('table', { name: 'Comptes de cet espace de travail' }).getByRole('row');
  await expect.poll(() => rows.count()).toBe(4);
  await expect.poll(() => rows.filter({ hasText: 'agent.dupont' }).getByRole('cell', { name: 'Agent', exact: true }).isVisible()).toBe(true);
  await expectNoSeriousViolations(page, 'user administration');
  await page.screenshot({ path: '/tmp/atelier-admin.png', fullPage: true });
  await expectCleanText(page);
});

test('the agent’s first sign-in asks for a new password before anything else', async () => {
  await signOut();
  await signIn('agent.dupont', adminPassword, 'Choisissez votre mot de passe');
  expect(await nav().count()).toBe(0);
  await expectNoSeriousViolations(page, 'the forced password change');
  await page.getByLabel('Mot de passe provisoire (celui donné par l’administrateur)').fill(adminPassword);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(adminPassword);
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(adminPassword);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByRole('alert').getByText('Le nouveau mot de passe doit être différent').waitFor();
  await page.getByLabel('Mot de passe provisoire (celui donné par l’administrateur)').fill(adminPassword);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(agentPassword);
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(agentPassword);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByRole('heading', { name: 'Jeux de données' }).waitFor();
  await expectCleanText(page);
  // The provisional password no longer opens the account.
  await signOut();
  await page.getByLabel('Identifiant').fill('agent.dupont');
  await page.getByLabel('Mot de passe').fill(adminPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('alert').getByText('Identifiant ou mot de passe incorrect').waitFor();
});

test('the agent signs in, sees the datasets, and can reach no administration', async () => {
  await page.reload();
  await signIn('agent.dupont', agentPassword);
  expect(await nav().getByRole('button', { name: 'Administration' }).count()).toBe(0);
  await page.getByText('Connecté : agent.dupont (Agent)').waitFor();

  // Straight to the door, with this page's own credentials: refused with the role error.
  const reply = await page.evaluate(async () => {
    const response = await fetch('/api/users.create', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sessionStorage.getItem('atelier.token')}`,
        // The session id the host issued to this page at sign-in.
        'x-atelier-session': sessionStorage.getItem('atelier.session') ?? '',
      },
      body: JSON.stringify({ name: 'intrus', password: 'x'.repeat(16), role: 'admin' }),
    });
    return response.json();
  });
  expect(reply).toEqual({ ok: false, error: { code: 'auth.role_too_low', params: { required: 'admin', actual: 'agent' } } });

  await nav().getByRole('button', { name: 'Graphiques' }).click();
  await page.getByText('Bientôt disponible').waitFor();
  expect(await nav().getByRole('button', { name: 'Graphiques' }).getAttribute('aria-current')).toBe('page');
  await expectNoSeriousViolations(page, 'a page still to come');
  await nav().getByRole('button', { name: 'Import' }).click();
  await page.getByRole('region', { name: 'Zone de dépôt de fichier' }).waitFor();
  await expectNoSeriousViolations(page, 'the import page');

  await nav().getByRole('button', { name: 'Mon compte' }).click();
  await page.getByRole('heading', { name: 'Changer mon mot de passe' }).waitFor();
  await expectNoSeriousViolations(page, 'my account');
  await expectCleanText(page);
});

test('English is one switch away and is remembered', async () => {
  await page.getByLabel('Langue').selectOption('en');
  await nav().waitFor({ state: 'detached' });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Datasets' }).waitFor();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.getByLabel('Language').selectOption('fr');
  await nav().waitFor();
});

test('nothing on these screens was refused by the Content-Security-Policy', () => {
  expect(session.cspViolations).toEqual([]);
});
