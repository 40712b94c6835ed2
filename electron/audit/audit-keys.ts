import { FileKeyVault } from '../platform/file-key-vault';
import { defaultKeysDir, type KeyLookup, type KeyVault } from '../platform/key-vault';
import type { Db } from '../workspace/open-workspace';
import { workspaceId } from '../workspace/workspace-meta';
import { auditChainKeyed } from './audit-log';
import { auditHeadPath, type AuditSeal } from './audit-seal';

// The workspace's audit key is filed under the workspace's id. It is created only while the
// chain is not keyed yet: once it is, a missing key is reported (audit.verify, and appends
// refuse), never replaced silently by a fresh one.
function keyRequest(db: Db): { id: string; options: { create: boolean } } {
  return { id: workspaceId(db), options: { create: !auditChainKeyed(db) } };
}

// Browser mode, the CLI, tests: the key is a private file in the user's profile.
export function fileAuditSeal(db: Db, keysDir: string = defaultKeysDir()): AuditSeal {
  const { id, options } = keyRequest(db);
  return seal(id, new FileKeyVault(keysDir).keySync(id, options), keysDir);
}

// The desktop app: the key comes through the vault (wrapped by the OS keychain), which
// answers asynchronously, before the service host opens the workspace for good.
export async function lookUpAuditKey(db: Db, vault: KeyVault): Promise<KeyLookup> {
  const { id, options } = keyRequest(db);
  return vault.key(id, options);
}

export function auditSealWithKey(db: Db, key: KeyLookup, keysDir: string): AuditSeal {
  return seal(workspaceId(db), key, keysDir);
}

function seal(workspaceId: string, key: KeyLookup, keysDir: string): AuditSeal {
  return { workspaceId, key, headPath: auditHeadPath(keysDir, workspaceId) };
}
