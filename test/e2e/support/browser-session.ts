import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../../electron/browser-mode';
import { tempDir } from '../../support/temp-workspace';

export const chromiumPath = '/usr/bin/chromium';

export interface BrowserSession {
  mode: BrowserMode;
  browser: Browser;
  // A new tab (its own session on the host), already at the page with the launch token.
  openPage(): Promise<Page>;
  // What Chromium refused under the page's CSP, in every tab so far (should stay empty).
  cspViolations: string[];
  close(): Promise<void>;
}

// Browser mode on a fresh temp workspace, and Debian's Chromium pointed at it.
export async function startBrowserSession(): Promise<BrowserSession> {
  const { dir, cleanup } = tempDir('atelier-e2e-');
  const mode = await startBrowserMode({ workspacePath: join(dir, 'e2e.atelier') });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
  const cspViolations: string[] = [];
  return {
    mode,
    browser,
    cspViolations,
    async openPage() {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
      });
      await page.goto(mode.http.pageUrl);
      return page;
    },
    async close() {
      await browser.close();
      await mode.close();
      cleanup();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe-core, run inside the page. The page's CSP (script-src 'self') refuses the inline
// <script> that page.addScriptTag would add; page.evaluate goes through the DevTools protocol,
// which CSP does not govern, so the CSP stays exactly as users get it (no bypassCSP).
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${where}`).toEqual([]);
}

// No stack trace, no internal code, no untranslated catalog key ever reaches the screen.
export async function expectCleanText(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  const leaks = text.match(/\bat \S+ \(|Error:|\b(?:app|admin|importing|reviewing|producers|errors)\.[a-z]+\.[\w.]+/g);
  expect(leaks, 'text that is not for people').toBeNull();
}
