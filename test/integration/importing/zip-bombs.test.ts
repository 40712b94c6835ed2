import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { translate } from '../../../shared/i18n/catalog';
import { repeated, writeCraftedZip, xlsxParts, type CraftedPart } from '../../support/crafted-zip';
import { importFile } from '../../support/import-helpers';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../../support/temp-workspace';

// Crafted archives from the security review, through the real preview and import (parse
// worker, capped inflater, SheetJS): each fails with its French error, and the process, whose
// workers are threads of it, never goes past 600 MB. Today's code let SheetJS inflate them.
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rows = 4_000_000;
const lying = (parts: CraftedPart[], name: string) => parts.map((part) => (part.name === name ? { ...part, declaredSize: 0 } : part));

const odsNs =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
const odsParts = (): CraftedPart[] => [
  { name: 'mimetype', text: 'application/vnd.oasis.opendocument.spreadsheet' },
  {
    name: 'META-INF/manifest.xml',
    text: '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  },
  {
    name: 'content.xml',
    text: () =>
      repeated(
        `<?xml version="1.0"?><office:document-content ${odsNs}><office:body><office:spreadsheet><table:table table:name="Feuille1">`,
        '<table:table-row><table:table-cell office:value-type="string"><text:p>bombe</text:p></table:table-cell></table:table-row>',
        rows,
        '</table:table></office:spreadsheet></office:body></office:document-content>',
      ),
  },
];

const crafted: { file: string; code: string; parts: () => CraftedPart[] }[] = [
  {
    // A sheet of 200+ MB whose entry declares 0 bytes.
    file: 'taille-nulle.xlsx',
    code: 'import.archive_bomb',
    parts: () =>
      lying(xlsxParts(() => repeated(`<?xml version="1.0"?><worksheet xmlns="${mainNs}"><sheetData>`, '<row><c t="inlineStr"><is><t>bombe</t></is></c></row>', rows, '</sheetData></worksheet>')), 'xl/worksheets/sheet1.xml'),
  },
  { file: 'taille-nulle.ods', code: 'import.archive_bomb', parts: () => lying(odsParts(), 'content.xml') },
  {
    // 20 million empty shared strings, honestly declared.
    file: 'textes-vides.xlsx',
    code: 'import.too_many_strings',
    parts: () =>
      xlsxParts(`<?xml version="1.0"?><worksheet xmlns="${mainNs}"><sheetData><row><c t="s"><v>0</v></c></row></sheetData></worksheet>`, () =>
        repeated(`<?xml version="1.0"?><sst xmlns="${mainNs}">`, '<si/>', 20_000_000, '</sst>'),
      ),
  },
];

let ws: TestWorkspace;
const scratch = tempDir('atelier-bombs-');
beforeAll(async () => {
  ws = await openTestWorkspace();
});
afterAll(async () => {
  await ws?.close();
  scratch.cleanup();
});

for (const { file, code, parts } of crafted) {
  test(`${file}: preview and import refused with a French message`, async () => {
    const path = join(scratch.dir, file);
    const size = writeCraftedZip(path, parts());
    expect(size).toBeLessThan(2 * 1024 * 1024);
    const fileToken = ws.host.services.files.register(path);
    const previewed = await ws.admin.reply('importing.preview', { fileToken, settings: {} });
    expect(previewed).toMatchObject({ ok: false, error: { code } });
    const job = await importFile(ws.host, ws.admin, path);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe(code);
    const message = translate('fr', `errors.${code}`, job.error!.params);
    expect(message).not.toMatch(/[{}]/);
    expect(message).toContain('refusé');
    expect(process.resourceUsage().maxRSS * 1024).toBeLessThan(600 * 1024 ** 2);
  }, 120_000);
}
