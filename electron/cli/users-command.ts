import { role as roleSchema, type UserSummary } from '../../shared/contract';
import type { ApiClient } from '../../shared/api-client';
import { translate } from '../../shared/i18n/catalog';
import type { UiKey } from '../../shared/i18n/ui-key';
import { printResult, UsageError, withSignedInClient, type CliCommand, type CliIO } from './cli-context';

// Typed keys: the terminal shows the same French labels as the users page.
const label = (key: UiKey) => translate('fr', key);

function describeUser(u: UserSummary): string {
  const state = u.disabled ? ` (${label('admin.users.disabled')})` : '';
  const locked = u.lockedUntil ? ` (${label('admin.users.locked')})` : '';
  return `${u.id}\t${u.name}\t${label(`app.roles.${u.role}`)}${state}${locked}`;
}

// The new password of an account (created or reset) comes from ATELIER_NEW_PASSWORD.
function newPassword(io: CliIO): string {
  const password = io.env.ATELIER_NEW_PASSWORD;
  if (!password) throw new UsageError('Indiquez le nouveau mot de passe dans ATELIER_NEW_PASSWORD.');
  return password;
}

function parseRole(value: unknown) {
  const role = roleSchema.safeParse(value);
  if (!role.success) throw new UsageError('Indiquez le rôle avec --role agent, reviewer ou admin.');
  return role.data;
}

async function findUser(client: ApiClient, name: string): Promise<UserSummary> {
  const target = (await client.call('users.list', {})).find((u) => u.name.toLowerCase() === name.toLowerCase());
  if (!target) throw new UsageError(`Aucun compte « ${name} ».`);
  return target;
}

// users add NAME --role ROLE · users list · users disable|enable|unlock NAME
// users set-role NAME --role ROLE · users reset-password NAME (new passwords: ATELIER_NEW_PASSWORD)
export const usersCommand: CliCommand = {
  summary: 'gère les comptes (administrateurs seulement)',
  details: [
    '  users add NOM --role agent|reviewer|admin   crée un compte ; son mot de passe provisoire',
    '                                              est lu dans ATELIER_NEW_PASSWORD',
    '  users list                                  liste les comptes',
    '  users disable NOM | users enable NOM        désactive ou réactive un compte',
    '  users unlock NOM                            déverrouille un compte après trop d’essais',
    '  users set-role NOM --role RÔLE              change le rôle (jamais celui du dernier administrateur)',
    '  users reset-password NOM                    donne un mot de passe provisoire, lu dans',
    '                                              ATELIER_NEW_PASSWORD, à changer à la connexion',
  ],
  usage:
    'users add NOM --role agent|reviewer|admin | users list | users disable|enable|unlock NOM | users set-role NOM --role RÔLE | users reset-password NOM   --workspace FICHIER --user ADMIN',
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
        const role = parseRole(args.values.role);
        const displayName = args.values['display-name'];
        const user = await client.call('users.create', {
          name,
          password: newPassword(io),
          role,
          ...(typeof displayName === 'string' ? { displayName } : {}),
        });
        printResult(io, args, user, () => [`Compte créé : ${describeUser(user)}`, 'Son mot de passe est provisoire : il le changera à sa première connexion.']);
        return;
      }
      let user: UserSummary;
      if (action === 'disable' || action === 'enable' || action === 'unlock') {
        const method = action === 'disable' ? 'users.disable' : action === 'enable' ? 'users.enable' : 'users.unlock';
        user = await client.call(method, { userId: (await findUser(client, name)).id });
      } else if (action === 'set-role') {
        const role = parseRole(args.values.role);
        user = await client.call('users.setRole', { userId: (await findUser(client, name)).id, role });
      } else if (action === 'reset-password') {
        const password = newPassword(io);
        user = await client.call('users.resetPassword', { userId: (await findUser(client, name)).id, password });
      } else {
        throw new UsageError('Action inconnue : utilisez add, list, disable, enable, unlock, set-role ou reset-password.');
      }
      printResult(io, args, user, () => [describeUser(user)]);
    });
  },
};
