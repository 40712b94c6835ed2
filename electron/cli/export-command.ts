import { resolve } from 'node:path';
import { exportFormat, exportResult } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { fromErrorPayload } from '../importing/worker-protocol';
import { saveTo } from '../exporting/export-delivery';
import { printResult, UsageError, withSignedInClient, type CliCommand } from './cli-context';

// The same two methods the review page calls (export.start, then export.download), through
// the dispatcher; the CLI's delivery writes the file to --out.
export const exportCommand: CliCommand = {
  summary: "écrit une version d'un jeu de données dans un fichier CSV ou Excel (XLSX)",
  usage: 'export JEU [--version N] [--format csv|xlsx] --out FICHIER [--raw] --workspace FICHIER --user NOM [--json]',
  details: [
    '  --version N          numéro de la version (par défaut la dernière)',
    '  --format csv|xlsx    format du fichier (par défaut csv)',
    '  --out FICHIER        fichier à écrire',
    "  --raw                valeurs brutes : sans neutraliser les cellules qu'un tableur prendrait",
    '                       pour une formule (=, +, -, @ en tête) ; à réserver aux traitements sûrs',
  ],
  options: { version: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, raw: { type: 'boolean' } },
  async run(args, io) {
    const datasetId = Number(args.positionals[0]);
    if (!Number.isInteger(datasetId) || datasetId < 1) throw new UsageError(`Indiquez le numéro du jeu de données.\n${exportCommand.usage}`);
    const format = exportFormat.safeParse(args.values.format ?? 'csv');
    if (!format.success) throw new UsageError('Format inconnu : utilisez --format csv ou --format xlsx.');
    const out = args.values.out;
    if (typeof out !== 'string') throw new UsageError('Indiquez le fichier à écrire avec --out FICHIER.');
    const path = resolve(out);
    await withSignedInClient(
      args,
      io,
      async (client, host) => {
        const { versions } = await client.call('datasets.get', { datasetId });
        const wanted = args.values.version === undefined ? versions.length : Number(args.values.version);
        const version = versions.find((v) => v.number === wanted);
        if (!version) throw new AppError('versions.not_found', { version: String(args.values.version) });
        const { jobId } = await client.call('export.start', { versionId: version.id, format: format.data, raw: args.values.raw === true });
        const job = await host.services.jobs.wait(jobId);
        if (job.status !== 'done') throw fromErrorPayload(job.error ?? { code: 'api.internal', params: {} });
        const { exportId, rows } = exportResult.parse(job.result);
        await client.call('export.download', { exportId });
        printResult(io, args, { datasetId, version: version.number, format: format.data, rows, out: path }, () => [
          `${rows} lignes écrites dans ${path} (version ${version.number}).`,
        ]);
      },
      { delivery: saveTo(path) },
    );
  },
};
