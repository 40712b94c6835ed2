import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

const scratch = mkdtempSync(join(tmpdir(), 'atelier-readers-'));
let counter = 0;

export function writeTemp(fileName: string, content: Uint8Array | string): string {
  const path = join(scratch, `${++counter}-${fileName}`);
  writeFileSync(path, content);
  return path;
}

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relType = (type: string) => `${relNs}/${type}`;

export interface HandMadeSheet {
  name: string;
  xml: string; // the <sheetData>…</sheetData> and what follows, or a whole part when it starts with '<?xml'
  state?: 'hidden' | 'veryHidden';
  part?: string; // file name under xl/worksheets/, to make part order differ from sheet order
}

// A minimal .xlsx written by hand, to put in the sheet XML what a given producer writes.
export function handMadeXlsx(options: {
  sheets: HandMadeSheet[];
  sharedStrings?: string[]; // raw <si> bodies
  numFmts?: string; // <numFmt> elements
  cellXfs?: string[]; // numFmtId of each cell style
  date1904?: boolean;
}): Uint8Array {
  const { sheets, sharedStrings, numFmts = '', cellXfs = ['0'], date1904 = false } = options;
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  put('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`);
  const rels = sheets.map((sheet, i) => {
    const part = sheet.part ?? `sheet${i + 1}.xml`;
    put(`xl/worksheets/${part}`, sheet.xml.startsWith('<?xml') ? sheet.xml : `<?xml version="1.0"?><worksheet xmlns="${mainNs}">${sheet.xml}</worksheet>`);
    return `<Relationship Id="rId${i + 10}" Type="${relType('worksheet')}" Target="worksheets/${part}"/>`;
  });
  rels.push(`<Relationship Id="rId2" Type="${relType('styles')}" Target="/xl/styles.xml"/>`);
  if (sharedStrings) {
    rels.push(`<Relationship Id="rId3" Type="${relType('sharedStrings')}" Target="sharedStrings.xml"/>`);
    put('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${mainNs}">${sharedStrings.map((si) => `<si>${si}</si>`).join('')}</sst>`);
  }
  put('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const sheetTags = sheets.map((sheet, i) => `<sheet name="${sheet.name.replace(/&/g, '&amp;')}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 10}"/>`);
  put('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${mainNs}" xmlns:r="${relNs}"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${sheetTags.join('')}</sheets></workbook>`);
  put(
    'xl/styles.xml',
    `<?xml version="1.0"?><styleSheet xmlns="${mainNs}"><numFmts>${numFmts}</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>${cellXfs.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs></styleSheet>`,
  );
  // SheetJS finds the parts through the content types, the streaming reader through the rels.
  const contentType = (kind: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml`;
  const overrides = Object.keys(files)
    .map((name) => {
      const kind = name.startsWith('xl/worksheets/') ? 'worksheet' : { 'xl/workbook.xml': 'sheet.main', 'xl/styles.xml': 'styles', 'xl/sharedStrings.xml': 'sharedStrings' }[name];
      return kind ? `<Override PartName="/${name}" ContentType="${contentType(kind)}"/>` : '';
    })
    .join('');
  put(
    '[Content_Types].xml',
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>${overrides}</Types>`,
  );
  return zipSync(files);
}
