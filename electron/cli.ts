import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { datasetsCommand } from './cli/datasets-command';
import { exportCommand } from './cli/export-command';
import { importCommand } from './cli/import-command';
import { describeFailure, UsageError, type CliCommand, type CliIO } from './cli/cli-context';
import { initCommand } from './cli/init-command';
import { producersCommand } from './cli/producers-command';
import { usersCommand } from './cli/users-command';

// Headless commands over the very services the app ships; each capability adds its own.
export const commands: Record<string, CliCommand> = {
  init: initCommand,
  users: usersCommand,
  producers: producersCommand,
  datasets: datasetsCommand,
  import: importCommand,
  export: exportCommand,
};

function usage(): string {
  return ['Utilisation : atelier COMMANDE [options] [--json]', ...Object.entries(commands).map(([, c]) => `  atelier ${c.usage}`)].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.err(name && name !== '--help' ? `Commande inconnue : ${name}\n${usage()}` : usage());
    return name && name !== '--help' ? 64 : 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        json: { type: 'boolean' },
        user: { type: 'string' },
        ...command.options,
      },
    });
    const workspace = values.workspace ?? io.env.ATELIER_WORKSPACE;
    if (typeof workspace !== 'string') throw new UsageError("Indiquez l'espace de travail avec --workspace FICHIER.");
    await command.run(
      {
        positionals,
        values,
        common: { workspace, json: values.json === true, user: typeof values.user === 'string' ? values.user : undefined },
      },
      io,
    );
    return 0;
  } catch (error) {
    const failure =
      error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? { message: `${error.message}\n${command.usage}`, exitCode: 64 }
        : describeFailure(error);
    io.err(failure.message);
    return failure.exitCode;
  }
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const isMain = process.argv[1] !== undefined && /cli\.(ts|mjs)$/.test(process.argv[1]);
if (isMain) {
  const io: CliIO = {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    readPassword: async () => process.env.ATELIER_PASSWORD || readFirstLine(),
    env: process.env,
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
