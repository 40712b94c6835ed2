import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { exportVersionCsv } from '../exporting/csv-export';
import { printResult, UsageError, withSignedInClient, type CliCommand } from './cli-context';

export const exportCommand: CliCommand = {
  usage: 'export JEU [--version N] --format csv --out FICHIER --workspace FICHIER --user NOM [--json]',
  options: { version: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
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
      const { rows } = await exportVersionCsv(host.services.db, version.id, resolve(out));
      printResult(io, args, { datasetId, version: version.number, rows, out: resolve(out) }, () => [
        `${rows} lignes écrites dans ${resolve(out)} (version ${version.number}).`,
      ]);
    });
  },
};
