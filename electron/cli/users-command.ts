import { role as roleSchema, type UserSummary } from '../../shared/contract';
import { translate } from '../../shared/i18n/catalog';
import type { UiKey } from '../../shared/i18n/ui-key';
import { printResult, UsageError, withSignedInClient, type CliCommand } from './cli-context';

// Typed keys: the terminal shows the same French labels as the users page.
const label = (key: UiKey) => translate('fr', key);

function describeUser(u: UserSummary): string {
  const state = u.disabled ? ` (${label('admin.users.disabled')})` : '';
  return `${u.id}\t${u.name}\t${label(`app.roles.${u.role}`)}${state}`;
}

// users add NAME --role ROLE (the new user's password: ATELIER_NEW_PASSWORD)
// users list · users disable NAME · users enable NAME
export const usersCommand: CliCommand = {
  summary: 'gère les comptes (administrateurs seulement)',
  details: [
    '  users add NOM --role agent|reviewer|admin   crée un compte ; son mot de passe provisoire',
    '                                              est lu dans ATELIER_NEW_PASSWORD',
    '  users list                                  liste les comptes',
    '  users disable NOM | users enable NOM        désactive ou réactive un compte',
  ],
  usage:
    'users add NOM --role agent|reviewer|admin | users list | users disable NOM | users enable NOM   --workspace FICHIER --user ADMIN',
  options: { role: { type: 'string' }, 'display-name': { type: 'string' } },
  async run(args, io) {
    const [action, name] = args.positionals;
    await withSignedInClient(args, io, async (client) => {
      if (action === 'list') {
        const users = await client.call('users.list', {});
        printResult(io, args, users, () => users.map(describeUser));
        return;
      }
      if (!name) throw new UsageError('Indiquez le nom du compte.');
      if (action === 'add') {
        const role = roleSchema.safeParse(args.values.role);
        if (!role.success) throw new UsageError('Indiquez le rôle avec --role agent, reviewer ou admin.');
        const password = io.env.ATELIER_NEW_PASSWORD;
        if (!password) throw new UsageError('Indiquez le mot de passe du nouveau compte dans ATELIER_NEW_PASSWORD.');
        const displayName = args.values['display-name'];
        const user = await client.call('users.create', {
          name,
          password,
          role: role.data,
          ...(typeof displayName === 'string' ? { displayName } : {}),
        });
        printResult(io, args, user, () => [`Compte créé : ${describeUser(user)}`]);
        return;
      }
      if (action === 'disable' || action === 'enable') {
        const target = (await client.call('users.list', {})).find((u) => u.name.toLowerCase() === name.toLowerCase());
        if (!target) throw new UsageError(`Aucun compte « ${name} ».`);
        const user = await client.call(action === 'disable' ? 'users.disable' : 'users.enable', { userId: target.id });
        printResult(io, args, user, () => [describeUser(user)]);
        return;
      }
      throw new UsageError('Action inconnue : utilisez add, list, disable ou enable.');
    });
  },
};
