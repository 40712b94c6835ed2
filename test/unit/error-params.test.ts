import { expect, test } from 'vitest';
import { AppError, errorCodes } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/catalog';

test('an error built with the params its sentence names reads without a placeholder left', () => {
  const error = new AppError('import.sheet_not_found', { sheet: 'Budget', sheets: 'Feuil1, Feuil2' });
  expect(errorMessage('fr', error.toPayload())).toBe(
    "La feuille « Budget » n'existe pas dans ce classeur. Feuilles disponibles : Feuil1, Feuil2.",
  );
});

test('the compiler refuses an error whose sentence would keep a placeholder (checked by npm run typecheck)', () => {
  // @ts-expect-error: {sheets} is missing, the message would show it raw
  const incomplete = new AppError('import.sheet_not_found', { sheet: 'Budget' });
  expect(errorMessage('fr', incomplete.toPayload())).toContain('{sheets}');
});

test('every error sentence names only params written as {word}', () => {
  for (const code of errorCodes) {
    for (const locale of ['fr', 'en'] as const) {
      const text = errorMessage(locale, { code, params: {} });
      expect(text.replace(/\{\w+\}/g, ''), `${locale} ${code}`).not.toMatch(/[{}]/);
    }
  }
});
