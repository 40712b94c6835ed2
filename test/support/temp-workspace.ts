import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../shared/api-client';
import { inProcessTransport } from '../../electron/host/in-process-transport';
import { createServiceHost, type ServiceHost } from '../../electron/host/service-host';
import { defaultProducerId } from './make-version';

export const adminPassword = 'correct horse battery staple';
// What a user created by the administrator chooses at first sign-in (the administrator's
// password for them is provisional).
export const userPassword = 'mon propre mot de passe';

export function tempDir(prefix = 'atelier-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestWorkspace {
  host: ServiceHost;
  path: string;
  // A fresh client with its own session (nobody signed in).
  client(): ApiClient;
  // The first-run administrator, signed in.
  admin: ApiClient;
  // Creates a user with the role (a member of the default producer with that role, unless
  // admin or told another producer) and returns a client signed in as them, their provisional
  // password already replaced by userPassword.
  signedIn(role: 'agent' | 'reviewer' | 'admin', name?: string, producerId?: number): Promise<ApiClient>;
  close(): Promise<void>;
}

export async function openTestWorkspace(): Promise<TestWorkspace> {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'test.atelier');
  const host = createServiceHost({ workspacePath: path, sleep: async () => {}, log: () => {} });
  const client = () => createApiClient(inProcessTransport(host));
  const admin = client();
  await admin.call('session.setup', { name: 'admin', password: adminPassword });
  let counter = 0;
  return {
    host,
    path,
    client,
    admin,
    async signedIn(role, name = `${role}${++counter}`, producerId = defaultProducerId) {
      const user = await admin.call('users.create', { name, password: adminPassword, role });
      if (role !== 'admin') await admin.call('producers.setMember', { producerId, userId: user.id, role });
      const c = client();
      await c.call('session.signIn', { name, password: adminPassword });
      await c.call('session.changePassword', { currentPassword: adminPassword, newPassword: userPassword });
      return c;
    },
    async close() {
      await host.close();
      cleanup();
    },
  };
}
