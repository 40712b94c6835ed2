import { resolve } from 'node:path';
import { delimiter as delimiterSchema, encoding as encodingSchema, type ImportSettings } from '../../shared/contract';
import { fromErrorPayload } from '../importing/worker-protocol';
import { printResult, UsageError, withSignedInClient, type CliArgs, type CliCommand } from './cli-context';

const delimiterNames: Record<string, string> = { tab: '\t', '\\t': '\t', 'point-virgule': ';', virgule: ',' };

function positiveInteger(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value)) throw new UsageError(`--${option} attend un nombre entier positif.`);
  return Number(value);
}

// The same settings the import page sends; a sheet given by number counts from 1, like the
// header row.
function settingsFrom(values: CliArgs['values']): ImportSettings {
  const settings: ImportSettings = {};
  if (typeof values.sheet === 'string') settings.sheet = /^\d+$/.test(values.sheet) ? positiveInteger(values.sheet, 'sheet')! - 1 : values.sheet;
  const headerRow = positiveInteger(values['header-row'], 'header-row');
  if (headerRow !== undefined) settings.headerRow = headerRow;
  if (typeof values.encoding === 'string') {
    const parsed = encodingSchema.safeParse(values.encoding.toLowerCase());
    if (!parsed.success) throw new UsageError(`Encodage inconnu : ${values.encoding}. Possibles : ${encodingSchema.options.join(', ')}.`);
    settings.encoding = parsed.data;
  }
  if (typeof values.delimiter === 'string') {
    const parsed = delimiterSchema.safeParse(delimiterNames[values.delimiter] ?? values.delimiter);
    if (!parsed.success) throw new UsageError('Séparateur inconnu : utilisez ; , tab ou |.');
    settings.delimiter = parsed.data;
  }
  return settings;
}

export const importCommand: CliCommand = {
  summary: 'importe un fichier CSV, XLSX, XLS ou ODS comme nouveau jeu ou nouvelle version',
  details: [
    '  --sheet NOM|N          feuille à lire (nom, ou numéro à partir de 1)',
    '  --dataset ID           ajoute une version à ce jeu de données',
    '  --header-row N         ligne des en-têtes (à partir de 1)',
    '  --encoding X           encodage du CSV (utf-8, windows-1252, iso-8859-15…)',
    '  --delimiter X          séparateur du CSV : point-virgule, virgule, tab ou |',
    '  --key COLONNE          colonne clé pour comparer les versions',
    '  --name NOM             nom du nouveau jeu de données',
  ],
  usage:
    'import FICHIER --workspace FICHIER --user NOM [--sheet NOM|N] [--dataset ID] [--header-row N] [--encoding X] [--delimiter X] [--key COLONNE] [--name NOM] [--producer ID] [--json]',
  options: {
    sheet: { type: 'string' },
    dataset: { type: 'string' },
    'header-row': { type: 'string' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    key: { type: 'string' },
    name: { type: 'string' },
    producer: { type: 'string' },
  },
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new UsageError(`Indiquez le fichier à importer.\n${importCommand.usage}`);
    const settings = settingsFrom(args.values);
    const datasetId = positiveInteger(args.values.dataset, 'dataset');
    // A new dataset's producer (atelier producers list): needed when the user has several.
    const producerId = positiveInteger(args.values.producer, 'producer');
    await withSignedInClient(args, io, async (client, host) => {
      const fileToken = host.services.files.register(resolve(file));
      const { jobId } = await client.call('importing.start', {
        fileToken,
        settings,
        ...(datasetId !== undefined ? { datasetId } : {}),
        ...(producerId !== undefined ? { producerId } : {}),
        ...(typeof args.values.key === 'string' ? { keyColumn: args.values.key } : {}),
        ...(typeof args.values.name === 'string' ? { datasetName: args.values.name } : {}),
      });
      const job = await host.services.jobs.wait(jobId);
      if (job.status !== 'done' || !job.result) throw fromErrorPayload(job.error ?? { code: 'api.internal', params: {} });
      const { dataset, versions } = await client.call('datasets.get', { datasetId: job.result.datasetId as number });
      const version = versions.find((v) => v.id === job.result!.versionId)!;
      const result = {
        dataset: { id: dataset.id, name: dataset.name },
        version: version.number,
        versionId: version.id,
        rowCount: version.rowCount,
        columns: version.columns.map((c) => ({ name: c.name, label: c.label, type: c.type, errorCount: c.errorCount })),
        source: version.source,
        changes: version.changes,
      };
      printResult(io, args, result, () => [
        `Jeu de données ${dataset.id} « ${dataset.name} », version ${version.number} : ${version.rowCount} lignes.`,
        ...version.columns.map((c) => `  ${c.name}\t${c.type}${c.errorCount > 0 ? `\t${c.errorCount} valeur(s) non conforme(s)` : ''}`),
      ]);
    });
  },
};
