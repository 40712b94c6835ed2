import { printResult, UsageError, withSignedInClient, type CliCommand } from './cli-context';

// password --user NOM: the signed-in user's own password (the current one as for any command,
// the new one from ATELIER_NEW_PASSWORD). Also how a provisional password is replaced.
export const passwordCommand: CliCommand = {
  summary: 'change votre propre mot de passe',
  usage: 'password --workspace FICHIER --user NOM   (nouveau mot de passe : ATELIER_NEW_PASSWORD)',
  async run(args, io) {
    await withSignedInClient(args, io, async (client, _host, currentPassword) => {
      const newPassword = io.env.ATELIER_NEW_PASSWORD;
      if (!newPassword) throw new UsageError('Indiquez le nouveau mot de passe dans ATELIER_NEW_PASSWORD.');
      const user = await client.call('session.changePassword', { currentPassword, newPassword });
      printResult(io, args, user, () => [`Mot de passe changé pour ${user.name}.`]);
    });
  },
};
