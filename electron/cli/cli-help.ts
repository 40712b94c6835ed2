import type { CliCommand } from './cli-context';

// `atelier --help` and `atelier COMMANDE --help`: French usage on standard output, exit 0.
const commonOptions = [
  '  --workspace FICHIER   espace de travail (ou la variable ATELIER_WORKSPACE)',
  '  --user NOM            compte à utiliser (ou la variable ATELIER_USER) ; mot de passe :',
  '                        ATELIER_PASSWORD, sinon saisi au clavier sans écho',
  '  --json                résultat en JSON (pour les scripts)',
  '  --help, -h            cette aide',
];

const exitCodes = 'Codes de sortie : 0 réussite, 1 refus (message en français), 64 mauvaise utilisation.';

export function isHelpFlag(arg: string | undefined): boolean {
  return arg === '--help' || arg === '-h';
}

export function generalHelp(commands: Record<string, CliCommand>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Utilisation : atelier COMMANDE [options]',
    '',
    'Commandes :',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}   ${c.summary}`),
    '',
    'Options communes :',
    ...commonOptions,
    '',
    "Aide d'une commande : atelier COMMANDE --help",
    exitCodes,
  ].join('\n');
}

export function commandHelp(name: string, command: CliCommand): string {
  return [
    `atelier ${name} — ${command.summary}`,
    '',
    `Utilisation : atelier ${command.usage}`,
    ...(command.details ? ['', ...command.details] : []),
    '',
    'Options communes :',
    ...commonOptions,
    '',
    exitCodes,
  ].join('\n');
}

export function isParseArgsError(error: unknown): error is TypeError & { code: string } {
  return error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
}

// node:util's parseArgs speaks English; the person at the terminal reads French.
export function parseArgsMessage(error: TypeError & { code: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Option inconnue : ${option}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take/.test(error.message) ? `L'option ${option} ne prend pas de valeur.` : `L'option ${option} attend une valeur.`;
  return 'Arguments non reconnus.';
}
