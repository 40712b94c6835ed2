import { expect, test } from 'vitest';
import {
  isAllowedExternal,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../../electron/security/window-policy';

test('the window runs sandboxed and isolated, without Node', () => {
  expect(secureWebPreferences('/p.cjs', true)).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
  });
});

test('developer tools open only in a development run, never in a packaged build', () => {
  expect(secureWebPreferences('/p.cjs', true).devTools).toBe(false);
  expect(secureWebPreferences('/p.cjs', false).devTools).toBe(true);
});

test.each([
  ['app://atelier/index.html', true],
  ['app://atelier/#/datasets', true],
  ['app://evil/index.html', false],
  ['http://example.invalid/?next=app://atelier', false],
  ['https://atelier/', false],
  ['file:///etc/passwd', false],
  ['javascript:alert(1)', false],
  ['not a url', false],
])('navigation to %s allowed: %s', (url, allowed) => {
  expect(isAppUrl(url)).toBe(allowed);
});

test('IPC is answered only for our own top frame', () => {
  expect(isTrustedSender('app://atelier/index.html', true)).toBe(true);
  expect(isTrustedSender('app://atelier/index.html', false)).toBe(false);
  expect(isTrustedSender('https://evil.example/', true)).toBe(false);
  expect(isTrustedSender(undefined, true)).toBe(false);
});

test('external links by exact origin only', () => {
  expect(isAllowedExternal('https://www.data.gouv.fr/fr/datasets/')).toBe(true);
  expect(isAllowedExternal('https://www.data.gouv.fr.evil.example/')).toBe(false);
  expect(isAllowedExternal('http://www.data.gouv.fr/')).toBe(false);
  expect(isAllowedExternal('https://evil.example/?u=https://www.data.gouv.fr')).toBe(false);
});
