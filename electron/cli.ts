import { parseArgs } from 'node:util';
import { auditCommand } from './cli/audit-command';
import { datasetsCommand } from './cli/datasets-command';
import { exportCommand } from './cli/export-command';
import { findingsCommand } from './cli/findings-command';
import { importCommand } from './cli/import-command';
import { describeFailure, UsageError, type CliCommand, type CliIO } from './cli/cli-context';
import { commandHelp, generalHelp, isHelpFlag, isParseArgsError, parseArgsMessage } from './cli/cli-help';
import { initCommand } from './cli/init-command';
import { producersCommand } from './cli/producers-command';
import { createProcessIO } from './cli/process-io';
import { passwordCommand } from './cli/password-command';
import { usersCommand } from './cli/users-command';

// Headless commands over the very services the app ships; each capability adds its own.
export const commands: Record<string, CliCommand> = {
  init: initCommand,
  users: usersCommand,
  producers: producersCommand,
  password: passwordCommand,
  datasets: datasetsCommand,
  import: importCommand,
  export: exportCommand,
  findings: findingsCommand,
  audit: auditCommand,
};

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (isHelpFlag(name) || name === 'help') {
    const asked = name === 'help' && rest[0] !== undefined ? rest[0] : undefined;
    const command = asked !== undefined && Object.hasOwn(commands, asked) ? commands[asked] : undefined;
    io.out(command && asked ? commandHelp(asked, command) : generalHelp(commands));
    return 0;
  }
  const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!name || !command) {
    io.err(name ? `Commande inconnue : ${name}\n\n${generalHelp(commands)}` : generalHelp(commands));
    return 64;
  }
  if (rest.some(isHelpFlag)) {
    io.out(commandHelp(name, command));
    return 0;
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
    const code = await command.run(
      {
        positionals,
        values,
        common: { workspace, json: values.json === true, user: typeof values.user === 'string' ? values.user : undefined },
      },
      io,
    );
    return code ?? 0;
  } catch (error) {
    const failure =
      isParseArgsError(error)
        ? { message: `${parseArgsMessage(error)}\nUtilisation : atelier ${command.usage}\nAide : atelier ${name} --help`, exitCode: 64 }
        : describeFailure(error);
    io.err(failure.message);
    return failure.exitCode;
  }
}

const isMain = process.argv[1] !== undefined && /cli\.(ts|mjs)$/.test(process.argv[1]);
if (isMain) process.exitCode = await runCli(process.argv.slice(2), createProcessIO());
