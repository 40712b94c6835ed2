import { existsSync } from 'node:fs';
import { createApiClient } from '../../shared/api-client';
import { AppError } from '../../shared/errors';
import { inProcessTransport } from '../host/in-process-transport';
import { createServiceHost } from '../host/service-host';
import { printResult, UsageError, type CliCommand } from './cli-context';

export const initCommand: CliCommand = {
  summary: "crée un espace de travail et son premier compte administrateur",
  details: [
    '  --admin NOM                identifiant du premier administrateur',
    '  --display-name "Prénom Nom"  nom affiché (facultatif)',
    '  Le mot de passe (au moins 12 caractères) est lu dans ATELIER_PASSWORD, sinon au clavier.',
  ],
  usage: 'init --workspace FICHIER --admin NOM [--display-name "Prénom Nom"]   (mot de passe : ATELIER_PASSWORD ou entrée standard)',
  options: { admin: { type: 'string' }, 'display-name': { type: 'string' } },
  async run(args, io) {
    const admin = args.values.admin;
    if (typeof admin !== 'string') throw new UsageError("Indiquez le nom de l'administrateur avec --admin NOM.");
    if (existsSync(args.common.workspace)) throw new AppError('setup.already_done');
    const password = await io.readPassword();
    const host = createServiceHost({ workspacePath: args.common.workspace, log: () => {} });
    try {
      const client = createApiClient(inProcessTransport(host));
      const displayName = args.values['display-name'];
      const user = await client.call('session.setup', {
        name: admin,
        password,
        ...(typeof displayName === 'string' ? { displayName } : {}),
      });
      printResult(io, args, { workspace: args.common.workspace, admin: user }, () => [
        `Espace de travail créé : ${args.common.workspace}`,
        `Administrateur : ${user.name}`,
      ]);
    } catch (error) {
      await host.close();
      // A first run that failed (weak password…) must not leave a half-made workspace behind.
      const { rmSync } = await import('node:fs');
      for (const suffix of ['', '-wal', '-shm']) rmSync(args.common.workspace + suffix, { force: true });
      throw error;
    }
    await host.close();
  },
};
