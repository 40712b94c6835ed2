import { memberRole, producerKind, type ProducerMember, type ProducerSummary } from '../../shared/contract';
import { translate } from '../../shared/i18n/catalog';
import type { UiKey } from '../../shared/i18n/ui-key';
import type { ApiClient } from '../../shared/api-client';
import { printResult, UsageError, withSignedInClient, type CliArgs, type CliCommand, type CliIO } from './cli-context';

function describeProducer(p: ProducerSummary): string {
  const kind = translate('fr', `producers.kinds.${p.kind}` satisfies UiKey);
  return `${p.id}\t${p.name}\t${kind}${p.code ? ` ${p.code}` : ''}\t${p.memberCount} membre(s)\t${p.datasetCount} jeu(x)`;
}

function describeMember(m: ProducerMember): string {
  return `${m.userId}\t${m.name}\t${translate('fr', `app.roles.${m.role}` satisfies UiKey)}`;
}

function producerIdOf(value: string | undefined): number {
  if (!value || !/^[1-9]\d*$/.test(value)) throw new UsageError(`Indiquez le numéro du producteur (atelier producers list).\n${producersCommand.usage}`);
  return Number(value);
}

// producers members ID · producers members ID add NOM --role agent|reviewer · … remove NOM
async function members(client: ApiClient, args: CliArgs, io: CliIO, rest: string[]): Promise<void> {
  const producerId = producerIdOf(rest[0]);
  const [action, name] = rest.slice(1);
  if (action === undefined) {
    const list = await client.call('producers.members', { producerId });
    printResult(io, args, list, () => (list.length === 0 ? ['Aucun membre.'] : list.map(describeMember)));
    return;
  }
  if (!name) throw new UsageError('Indiquez le nom du compte.');
  const user = (await client.call('users.list', {})).find((u) => u.name.toLowerCase() === name.toLowerCase());
  if (!user) throw new UsageError(`Aucun compte « ${name} ».`);
  if (action === 'add') {
    const role = memberRole.safeParse(args.values.role);
    if (!role.success) throw new UsageError('Indiquez le rôle dans ce producteur avec --role agent ou reviewer.');
    const list = await client.call('producers.setMember', { producerId, userId: user.id, role: role.data });
    printResult(io, args, list, () => list.map(describeMember));
    return;
  }
  if (action === 'remove') {
    const list = await client.call('producers.removeMember', { producerId, userId: user.id });
    printResult(io, args, list, () => (list.length === 0 ? ['Aucun membre.'] : list.map(describeMember)));
    return;
  }
  throw new UsageError('Action inconnue : utilisez members ID, members ID add NOM --role R ou members ID remove NOM.');
}

export const producersCommand: CliCommand = {
  summary: "gère les producteurs (l'agglomération, ses communes) et leurs membres (administrateurs)",
  details: [
    '  producers list                               liste les producteurs',
    '  producers add NOM --kind epci|commune|other  crée un producteur (--code SIREN ou INSEE, --parent ID)',
    '  producers import-epci SIREN|NOM              crée un EPCI et ses communes depuis le COG',
    '  producers members ID [add|remove NOM --role agent|reviewer]   membres et rôles',
  ],
  usage:
    'producers list | producers add NOM --kind epci|commune|other [--code SIREN|INSEE] [--parent ID] | producers import-epci SIREN|NOM | producers members ID [add|remove NOM --role agent|reviewer]   --workspace FICHIER --user ADMIN',
  options: { kind: { type: 'string' }, code: { type: 'string' }, parent: { type: 'string' }, role: { type: 'string' } },
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    await withSignedInClient(args, io, async (client) => {
      if (action === 'list') {
        const list = await client.call('producers.list', {});
        printResult(io, args, list, () => list.map(describeProducer));
        return;
      }
      if (action === 'add') {
        const name = rest.join(' ').trim();
        if (!name) throw new UsageError('Indiquez le nom du producteur.');
        const kind = producerKind.safeParse(args.values.kind);
        if (!kind.success) throw new UsageError('Indiquez le type avec --kind epci, commune ou other.');
        const code = typeof args.values.code === 'string' ? args.values.code : null;
        const parentId = typeof args.values.parent === 'string' ? producerIdOf(args.values.parent) : null;
        const created = await client.call('producers.create', { name, kind: kind.data, code, parentId });
        printResult(io, args, created, () => [`Producteur créé : ${describeProducer(created)}`]);
        return;
      }
      if (action === 'import-epci') {
        const query = rest.join(' ').trim();
        if (query.length < 2) throw new UsageError("Indiquez le SIREN de l'EPCI ou une partie de son nom.");
        // A name is looked up in the shipped COG; it must designate one EPCI.
        const found = /^\d{9}$/.test(query) ? [{ siren: query, name: query, communeCount: 0 }] : await client.call('producers.searchCog', { query });
        if (found.length !== 1) {
          throw new UsageError(
            found.length === 0
              ? `Aucun EPCI ne correspond à « ${query} ».`
              : `Plusieurs EPCI correspondent à « ${query} » ; indiquez son SIREN :\n${found.map((e) => `  ${e.siren}\t${e.name} (${e.communeCount} communes)`).join('\n')}`,
          );
        }
        const imported = await client.call('producers.importFromCog', { siren: found[0]!.siren });
        printResult(io, args, imported, () => [
          `${imported.epci.name} (SIREN ${imported.epci.code}) et ses ${imported.communes.length} communes : ${imported.created} producteur(s) créé(s).`,
        ]);
        return;
      }
      if (action === 'members') {
        await members(client, args, io, rest);
        return;
      }
      throw new UsageError(`Action inconnue.\n${producersCommand.usage}`);
    });
  },
};
