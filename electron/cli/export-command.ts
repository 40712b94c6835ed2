import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { exportVersionCsv } from '../exporting/csv-export';
import { printResult, UsageError, withSignedInClient, type CliCommand } from './cli-context';

export const exportCommand: CliCommand = {
  summary: "écrit une version d'un jeu de données dans un fichier CSV",
  usage: 'export JEU [--version N] --format csv --out FICHIER [--raw] --workspace FICHIER --user NOM [--json]',
  details: [
    '  --version N     numéro de la version (par défaut la dernière)',
    '  --out FICHIER   fichier à écrire',
    "  --raw           valeurs brutes : sans neutraliser les cellules qu'un tableur prendrait",
    '                  pour une formule (=, +, -, @ en tête) ; à réserver aux traitements sûrs',
  ],
  options: { version: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, raw: { type: 'boolean' } },
  async run(args, io) {
    const datasetId = Number(args.positionals[0]);
    if (!Number.isInteger(datasetId) || datasetId < 1) throw new UsageError(`Indiquez le numéro du jeu de données.\n${exportCommand.usage}`);
    if ((args.values.format ?? 'csv') !== 'csv') throw new UsageError('Seul le format csv est disponible : --format csv.');
    const out = args.values.out;
    if (typeof out !== 'string') throw new UsageError('Indiquez le fichier à écrire avec --out FICHIER.');
    await withSignedInClient(args, io, async (client, host) => {
      const { versions } = await client.call('datasets.get', { datasetId });
      const wanted = args.values.version === undefined ? versions.length : Number(args.values.version);
      const version = versions.find((v) => v.number === wanted);
      if (!version) throw new AppError('versions.not_found', { version: String(args.values.version) });
      const { rows } = await exportVersionCsv(host.services.db, version.id, resolve(out), { raw: args.values.raw === true });
      printResult(io, args, { datasetId, version: version.number, rows, out: resolve(out) }, () => [
        `${rows} lignes écrites dans ${resolve(out)} (version ${version.number}).`,
      ]);
    });
  },
};
