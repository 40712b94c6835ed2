import { expect, test } from 'vitest';
import { createProcessIO } from '../../../electron/cli/process-io';
import { terminalJson, terminalLine, terminalText } from '../../../electron/cli/terminal-text';

const hostile = 'Budget\u001b[2J\u001b]0;titre\u0007\u009b31m\u202eelif\r\nfaux';

test('escape sequences, C1 controls, bidi overrides and line breaks never reach the terminal', () => {
  expect(terminalLine(hostile)).toBe('Budget[2J]0;titre31meliffaux');
  expect(terminalLine('1\tBudget\tv2')).toBe('1\tBudget\tv2');
  expect(terminalText('ligne 1\nligne\u001b 2')).toBe('ligne 1\nligne 2');
});

test('JSON for scripts stays the same value, with every control escaped', () => {
  const json = terminalJson({ name: hostile });
  expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  expect(JSON.parse(json)).toEqual({ name: hostile });
});

test('the passwords given in the environment leave it as soon as the CLI starts', async () => {
  const env: NodeJS.ProcessEnv = { ATELIER_PASSWORD: 'secret de marie', ATELIER_NEW_PASSWORD: 'secret de paul', ATELIER_USER: 'marie' };
  const io = createProcessIO(env);
  expect(env).toEqual({ ATELIER_USER: 'marie' });
  expect(io.env.ATELIER_PASSWORD).toBeUndefined();
  expect(io.env.ATELIER_NEW_PASSWORD).toBe('secret de paul');
  expect(await io.readPassword()).toBe('secret de marie');
});
