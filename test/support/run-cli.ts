import { spawnSync } from 'node:child_process';
import { adminPassword } from './temp-workspace';

// The real command from the sources (through tsx), signed in as the first-run administrator.
export function atelierAsAdmin(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'electron/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ATELIER_PASSWORD: adminPassword, ATELIER_USER: 'admin' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
