import { printResult, UsageError, withSignedInClient, type CliCommand } from './cli-context';

export const datasetsCommand: CliCommand = {
  summary: 'liste les jeux de données',
  usage: 'datasets list --workspace FICHIER --user NOM',
  async run(args, io) {
    if (args.positionals[0] !== 'list') throw new UsageError('Action inconnue : utilisez « datasets list ».');
    await withSignedInClient(args, io, async (client) => {
      const datasets = await client.call('datasets.list', {});
      printResult(io, args, datasets, () =>
        datasets.length === 0
          ? ['Aucun jeu de données. Importez un fichier avec « atelier import ».']
          : datasets.map((d) => `${d.id}\t${d.name}\t${d.producerName}\tv${d.latestVersion}\t${d.rowCount} lignes\t${d.columnCount} colonnes`),
      );
    });
  },
};
