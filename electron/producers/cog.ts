import type { CogEpci } from '../../shared/contract';
import extract from '../../resources/cog/epci-communes.json';

// The shipped extract of the official geographic code (resources/cog/SOURCE.md says where it
// comes from and its date): each EPCI with its member communes. Bundled with the services, so
// the desktop app, the CLI and the tests read the same file.
export interface CogEntry {
  siren: string;
  name: string;
  communes: { code: string; name: string }[];
}

let bySiren: Map<string, CogEntry> | undefined;

function entries(): Map<string, CogEntry> {
  bySiren ??= new Map(
    extract.epci.map((e) => [e.siren, { siren: e.siren, name: e.name, communes: e.communes.map(([code, name]) => ({ code: code!, name: name! })) }]),
  );
  return bySiren;
}

export function cogEpci(siren: string): CogEntry | undefined {
  return entries().get(siren);
}

// Accents, case and punctuation ignored: « saint-etienne » finds « Saint-Étienne Métropole ».
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function searchCog(query: string, limit = 20): CogEpci[] {
  const wanted = folded(query);
  const digits = query.replace(/\s+/g, '');
  const found: CogEpci[] = [];
  for (const e of entries().values()) {
    if (!(/^\d+$/.test(digits) ? e.siren.startsWith(digits) : folded(e.name).includes(wanted))) continue;
    found.push({ siren: e.siren, name: e.name, communeCount: e.communes.length });
    if (found.length === limit) break;
  }
  return found;
}
