import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xlsxBenchColumns } from './xlsx-fixture';

// The benchmark's input, generated once and cached in the temp folder: what an old
// accounting export looks like (semicolons, decimal commas, dd/mm/yyyy, codes with zeros).
export const benchRows = 1_000_000;

const communes = ['Montpellier', 'Béziers', 'Sète', 'Lunel', 'Agde', 'Frontignan', 'Mauguio', 'Castelnau-le-Lez'];
const objets = [
  'Aide au fonctionnement de l’association',
  'Subvention exceptionnelle pour la fête du quartier',
  'Soutien à l’école de musique',
  'Équipement sportif : rénovation des vestiaires',
  'Projet éducatif « Été jeunes »',
];
const services = ['Culture', 'Sports', 'Éducation', 'Solidarités', 'Environnement'];

export async function benchCsvPath(): Promise<string> {
  const path = join(tmpdir(), `atelier-bench-${benchRows}x12.csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  // The same twelve columns as the .xlsx benchmark.
  await write(xlsxBenchColumns.join(';') + '\r\n');
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const two = (n: number) => String(n).padStart(2, '0');
  let chunk = '';
  for (let i = 1; i <= benchRows; i++) {
    const amount = Math.floor(random() * 10_000_000) / 100;
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const year = 2000 + Math.floor(random() * 25);
    const dept = two(1 + Math.floor(random() * 95));
    chunk +=
      [
        i,
        `${dept}${String(Math.floor(random() * 1000)).padStart(3, '0')}`,
        `${dept}${String(Math.floor(random() * 1000)).padStart(3, '0')}`,
        communes[i % communes.length],
        `Association n°${Math.floor(random() * 50_000)}`,
        objets[i % objets.length],
        amount.toFixed(2).replace('.', ','),
        `${(random() * 100).toFixed(1).replace('.', ',')}`,
        `${two(day)}/${two(month)}/${year}`,
        `${two(1 + ((day + 3) % 28))}/${two(month)}/${year}`,
        `${String(Math.floor(random() * 1e9)).padStart(9, '0')}${String(Math.floor(random() * 1e5)).padStart(5, '0')}`,
        services[i % services.length],
      ].join(';') + '\r\n';
    if (i % 5_000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(partial, path);
  return path;
}
