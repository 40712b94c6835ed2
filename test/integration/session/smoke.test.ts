import { afterEach, expect, test } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

test('first run, users, roles', async () => {
  ws = await openTestWorkspace();
  const agent = await ws.signedIn('agent');
  expect(await agent.reply('users.create', { name: 'x1', password: 'x'.repeat(12), role: 'agent' })).toEqual({
    ok: false,
    error: { code: 'auth.role_too_low', params: { required: 'admin', actual: 'agent' } },
  });
  expect((await ws.admin.call('users.list', {})).map((u) => u.name)).toEqual(['admin', 'agent1']);
});
