import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { catalogKeys, hasMessage } from '../../shared/i18n/catalog';

// Every visible string of the page goes through i18n: no letters in JSX text, and no
// literal text in the attributes a person sees or hears.
const root = join(import.meta.dirname, '..', '..');
const spokenAttributes = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'aria-roledescription']);

function tsxFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

function hardCodedTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && spokenAttributes.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      // A message key handed to a component that translates it is fine.
      const text = node.initializer.text;
      if (/\p{L}/u.test(text) && !hasMessage(text)) found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${file}: ${text}`);
}

test('no hard-coded text in the page', () => {
  const files = tsxFiles('renderer');
  expect(files.length).toBeGreaterThan(0);
  expect(files.flatMap(hardCodedTexts)).toEqual([]);
});

test('English has every French message and no other', () => {
  expect(catalogKeys('en').sort()).toEqual(catalogKeys('fr').sort());
});
