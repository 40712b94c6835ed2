// The key under which an account name is unique and under which it signs in: two names that
// a person could not tell apart on screen get the same key, so `Élodie` cannot be created
// beside `élodie`, nor a Cyrillic `аdmin` beside `admin`.
//
// Steps: NFKC (compatibility forms: full-width letters, ligatures), full case folding
// (upper then lower case: `ß` → `ss`), accents stripped (NFD, marks dropped), then a
// confusable skeleton that maps Cyrillic and Greek look-alikes and the digits 0/1 to the Latin
// letter they imitate (after folding; where the capital and the small letter imitate different
// Latin letters, the capital wins: `Η`, `Μ`, `Ν`, `Υ` are drawn exactly as H, M, N, Y).
//
// Keys are stored (users.name_key, migration 007): changing this function needs a migration
// that recomputes them.

const confusables = new Map<string, string>([
  // Cyrillic
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ё', 'e'], ['һ', 'h'], ['н', 'h'], ['і', 'i'], ['ї', 'i'], ['ј', 'j'],
  ['к', 'k'], ['ӏ', 'l'], ['м', 'm'], ['о', 'o'], ['р', 'p'], ['ԛ', 'q'], ['ѕ', 's'], ['т', 't'], ['у', 'y'],
  ['х', 'x'], ['ԝ', 'w'], ['ԁ', 'd'], ['с', 'c'], ['ь', 'b'], ['п', 'n'], ['г', 'r'],
  // Greek
  ['α', 'a'], ['β', 'b'], ['ε', 'e'], ['ζ', 'z'], ['η', 'h'], ['ι', 'i'], ['κ', 'k'], ['μ', 'm'], ['ν', 'n'],
  ['ο', 'o'], ['ρ', 'p'], ['τ', 't'], ['υ', 'y'], ['χ', 'x'], ['γ', 'y'], ['ϲ', 'c'], ['ω', 'w'],
  // Digits that pass for letters
  ['0', 'o'], ['1', 'l'],
  // Latin letters without a decomposition
  ['ı', 'i'], ['ł', 'l'], ['ø', 'o'], ['đ', 'd'], ['ħ', 'h'], ['æ', 'ae'], ['œ', 'oe'],
]);

export function nameKey(name: string): string {
  const folded = name.trim().normalize('NFKC').toUpperCase().toLowerCase();
  const bare = folded.normalize('NFD').replace(/\p{M}/gu, '');
  let key = '';
  for (const char of bare) key += confusables.get(char) ?? char;
  return key;
}
