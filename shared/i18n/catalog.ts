import type { Locale } from '../contract';
import type { ErrorPayload } from '../errors';
import { errors as enErrors } from './en/errors';
import { errors as frErrors } from './fr/errors';
import { ui as enUi } from './en/ui';
import { ui as frUi } from './fr/ui';

// Every sentence of the product, per locale: `ui` for the screens (one section per
// capability in ./fr/ui.ts), `errors` by error code. The renderer and the CLI both read here,
// so a message reads the same in the window and in the terminal.
const catalogs = {
  fr: { ...flatten('', frUi), ...prefixed('errors.', frErrors) },
  en: { ...flatten('', enUi), ...prefixed('errors.', enErrors) },
} as const;

export type MessageParams = Record<string, string | number>;

function prefixed(prefix: string, table: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [prefix + k, v]));
}

function flatten(prefix: string, tree: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out[prefix + key] = value;
    else Object.assign(out, flatten(`${prefix}${key}.`, value as object));
  }
  return out;
}

export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const template = catalogs[locale][key] ?? catalogs.fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function hasMessage(key: string): boolean {
  return key in catalogs.fr;
}

export function errorMessage(locale: Locale, error: ErrorPayload): string {
  return translate(locale, `errors.${error.code}`, error.params);
}

export function catalogKeys(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}
