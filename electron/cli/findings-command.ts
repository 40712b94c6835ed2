import type { ApiClient } from '../../shared/api-client';
import type { FindingEntry, FindingsFilter } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { translate } from '../../shared/i18n/catalog';
import { findingPlace, findingReason } from '../../shared/i18n/finding-text';
import { printResult, UsageError, withSignedInClient, type CliArgs, type CliCommand, type CliIO } from './cli-context';

const usage =
  'findings list JEU [--version N] [--tous] [--limite N] | findings dismiss SIGNALEMENT --justification TEXTE --workspace FICHIER --user NOM [--json]';

// The findings of a version as the findings panel lists them (open ones, or every one with
// --tous), and dismissing one with its written justification.
export const findingsCommand: CliCommand = {
  summary: "liste les signalements d'une version, ou en écarte un avec une justification",
  usage,
  details: [
    '  --version N          numéro de la version (par défaut la dernière)',
    '  --tous               aussi les signalements résolus ou écartés',
    '  --limite N           au plus N signalements (1000 par défaut)',
    "  --justification T    pourquoi le signalement ne pose pas problème (obligatoire pour l'écarter)",
  ],
  options: { version: { type: 'string' }, tous: { type: 'boolean' }, limite: { type: 'string' }, justification: { type: 'string' } },
  async run(args, io) {
    const [action, target] = args.positionals;
    if (action === 'list') return list(args, io, positiveInt(target, 'Indiquez le numéro du jeu de données.'));
    if (action === 'dismiss') return dismiss(args, io, positiveInt(target, 'Indiquez le numéro du signalement (colonne « # » de « findings list »).'));
    throw new UsageError(`Action inconnue : utilisez « findings list » ou « findings dismiss ».\n${usage}`);
  },
};

function positiveInt(text: string | boolean | undefined, message: string): number {
  const n = Number(text);
  if (typeof text !== 'string' || !Number.isInteger(n) || n < 1) throw new UsageError(`${message}\n${usage}`);
  return n;
}

const pageSize = 500;

async function list(args: CliArgs, io: CliIO, datasetId: number): Promise<void> {
  const limit = args.values.limite === undefined ? 1000 : positiveInt(args.values.limite, 'La limite est un nombre de signalements.');
  await withSignedInClient(args, io, async (client) => {
    const { versions } = await client.call('datasets.get', { datasetId });
    const wanted = args.values.version === undefined ? versions.length : Number(args.values.version);
    const version = versions.find((v) => v.number === wanted);
    if (!version) throw new AppError('versions.not_found', { versionId: String(args.values.version) });
    const filter: FindingsFilter = { sources: [], severities: [], statuses: args.values.tous === true ? [] : ['open'] };
    const { total, findings } = await readAll(client, version.id, filter, limit);
    const label = (name: string) => version.columns.find((c) => c.name === name)?.label || name;
    printResult(io, args, { datasetId, version: version.number, total, findings }, () => [
      translate('fr', 'reviewing.findings.total', { count: total }),
      ...findings.map((f) => humanLine(f, label)),
      ...(findings.length < total ? [`… ${total - findings.length} de plus (--limite N pour en voir davantage).`] : []),
    ]);
  });
}

async function readAll(client: ApiClient, versionId: number, filter: FindingsFilter, limit: number) {
  const findings: FindingEntry[] = [];
  let total = 0;
  do {
    const page = await client.call('findings.list', { versionId, filter, offset: findings.length, limit: Math.min(pageSize, limit - findings.length) });
    total = page.total;
    findings.push(...page.findings);
    if (page.findings.length === 0) break;
  } while (findings.length < Math.min(total, limit));
  return { total, findings };
}

function humanLine(f: FindingEntry, label: (column: string) => string): string {
  const cells = [
    `#${f.id}`,
    findingPlace('fr', f, label),
    translate('fr', `reviewing.findings.sources.${f.source}`),
    translate('fr', `reviewing.findings.severities.${f.severity}`),
    translate('fr', `reviewing.findings.statuses.${f.status}`),
    findingReason('fr', f),
  ];
  if (f.note !== null) cells.push(f.note);
  if (f.justification !== null) cells.push(translate('fr', 'reviewing.findings.because', { justification: f.justification }));
  return cells.join('\t');
}

async function dismiss(args: CliArgs, io: CliIO, findingId: number): Promise<void> {
  const justification = args.values.justification;
  if (typeof justification !== 'string') throw new UsageError(`Écrivez pourquoi avec --justification TEXTE.\n${usage}`);
  await withSignedInClient(args, io, async (client) => {
    const finding = await client.call('findings.dismiss', { findingId, justification });
    printResult(io, args, finding, () => [`Signalement #${finding.id} écarté.`]);
  });
}
