import { fileAuditSeal } from '../audit/audit-keys';
import { sealAuditChain, verifyAudit, type AuditVerification } from '../audit/audit-log';
import { bindAuditSeal } from '../audit/audit-seal';
import { openWorkspace } from '../workspace/open-workspace';
import { printResult, UsageError, type CliCommand } from './cli-context';

const problems: Record<NonNullable<AuditVerification['problem']>, string> = {
  key_missing: "la clé du journal est introuvable dans votre profil : restaurez-la depuis votre sauvegarde (dossier .atelier-open-data/keys)",
  key_unavailable: "la clé du journal est gardée par le trousseau de l'application de bureau : vérifiez le journal depuis l'application",
  row_changed: 'une entrée a été modifiée ou la chaîne recalculée sans la clé',
  rows_missing: 'des entrées récentes ont été supprimées',
  head_missing: "l'état du journal conservé hors de l'espace de travail a disparu",
  head_mismatch: "le journal ne correspond plus à l'état conservé hors de l'espace de travail (entrées réécrites ou état falsifié)",
};

function describe(result: AuditVerification): string[] {
  if (result.ok) return [`Journal d'audit intact : ${result.checked} entrées vérifiées (au moins ${result.expected ?? 0} attendues).`];
  const lines = [`Journal d'audit altéré : ${problems[result.problem ?? 'row_changed']}.`];
  if (result.firstBrokenId !== null) lines.push(`Première entrée en cause : n° ${result.firstBrokenId}.`);
  if (result.expected !== null) lines.push(`Entrées attendues : au moins ${result.expected} ; présentes : ${result.rows}.`);
  return lines;
}

// audit verify: checks the chain and its head. It reads the workspace file directly, with no
// sign-in: it must answer precisely when the log cannot be written (key missing), and whoever
// can run it as the file's owner can read that file anyway. Exit 1 when the log is not intact.
export const auditCommand: CliCommand = {
  summary: "vérifie que le journal d'audit n'a pas été altéré",
  usage: 'audit verify --workspace FICHIER [--json]',
  details: [
    "Sans connexion : lit le fichier de l'espace de travail et la clé du journal dans votre profil.",
    "Code de sortie 1 si le journal est altéré ou si sa clé manque.",
  ],
  async run(args, io) {
    if (args.positionals[0] !== 'verify') throw new UsageError('Action inconnue : utilisez « audit verify ».');
    const db = openWorkspace(args.common.workspace, { create: false });
    let result: AuditVerification;
    try {
      bindAuditSeal(db, fileAuditSeal(db));
      sealAuditChain(db);
      result = verifyAudit(db);
    } finally {
      db.close();
    }
    printResult(io, args, result, () => describe(result));
    return result.ok ? 0 : 1;
  },
};
