// `node scripts/cog-extract.mjs`: writes resources/cog/epci-communes.json, the extract of the
// official geographic code (INSEE COG, EPCI composition from the DGCL) that producers are
// filled from: each EPCI with its SIREN, name and member communes (INSEE code, name).
// The data comes from the devDependency @etalab/decoupage-administratif (Etalab; data under
// Licence Ouverte, code MIT); its major version is the COG year (6.x = 2026, see SOURCE.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const epci = JSON.parse(readFileSync(join(pkgDir, 'data', 'epci.json'), 'utf8'));

// One line per EPCI, sorted by SIREN, communes by INSEE code: a new release diffs readably.
const lines = epci
  .map((e) => ({
    siren: e.code,
    name: e.nom,
    communes: e.membres.map((m) => [m.code, m.nom]).sort((a, b) => a[0].localeCompare(b[0])),
  }))
  .sort((a, b) => a.siren.localeCompare(b.siren))
  .map((e) => JSON.stringify(e));

const out = join(import.meta.dirname, '..', 'resources', 'cog', 'epci-communes.json');
writeFileSync(
  out,
  `{"package":${JSON.stringify(`${pkg.name}@${pkg.version}`)},\n"epci":[\n${lines.join(',\n')}\n]}\n`,
);
console.log(`${out}: ${lines.length} EPCI, ${epci.reduce((n, e) => n + e.membres.length, 0)} communes (${pkg.name}@${pkg.version})`);
