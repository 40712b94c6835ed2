// Appends audit entries from a process of its own, as the import worker does from its own
// connection: node --import tsx test/support/append-audit.ts WORKSPACE COUNT
import { fileAuditSeal } from '../../electron/audit/audit-keys';
import { recordAudit } from '../../electron/audit/audit-log';
import { bindAuditSeal } from '../../electron/audit/audit-seal';
import { openWorkspace } from '../../electron/workspace/open-workspace';

const [path, count] = process.argv.slice(2);
const db = openWorkspace(path!, { create: false });
bindAuditSeal(db, fileAuditSeal(db));
for (let i = 0; i < Number(count); i++) recordAudit(db, { actor: 'worker', action: 'test.append', details: { i } });
db.close();
