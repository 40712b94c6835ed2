import type { ui } from './fr/ui';

// A key of the screen catalog, typed from the French one: a misspelt key (or one that names
// a section rather than a sentence) is a type error, not a raw key shown to a person.
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type UiKey = Leaves<typeof ui>;
