const maxLength = 63;

// SQL-safe, unique identifiers for the file's labels: accents folded, [a-z_][a-z0-9_]*, at
// most 63 characters. Blank labels become colonne_N (N = position from 1). The label itself
// is kept beside the name, as written.
export function safeColumnNames(labels: readonly string[]): string[] {
  const taken = new Set<string>();
  return labels.map((label, index) => {
    let base = label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[œŒ]/g, 'oe')
      .replace(/[æÆ]/g, 'ae')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (base === '') base = `colonne_${index + 1}`;
    else if (/^[0-9]/.test(base)) base = `c_${base}`;
    base = base.slice(0, maxLength).replace(/_+$/, '');
    let name = base;
    for (let n = 2; taken.has(name); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, maxLength - suffix.length) + suffix;
    }
    taken.add(name);
    return name;
  });
}
