import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';

// The .xlsx benchmark's input, written once by a streaming writer (SheetJS would need the whole
// workbook in memory) and cached in the temp folder: 200,000 rows × 12 columns, date cells by
// style, codes with leading zeros as text. Text goes either to the shared string table, as
// Excel writes it, or into each cell (t="str"), as SheetJS writes it: the figures
// (LibreOffice 5.7 s / 300 MB) were measured on a SheetJS-written file.
export type StringLayout = 'shared' | 'inline';
export const xlsxBenchRows = 200_000;
export const xlsxBenchColumns = [
  'identifiant', 'code_postal', 'code_insee', 'commune', 'beneficiaire', 'objet',
  'montant', 'taux', 'date_decision', 'date_versement', 'siret', 'service',
];

const communes = ['Laval', 'Château-Gontier-sur-Mayenne', 'Évron', 'Mayenne', 'Ernée', 'Craon', 'Le Mans', 'Sablé-sur-Sarthe'];
const objets = [
  'Fonctionnement général & animation',
  'Manifestation « Les Boucles »',
  'Équipement numérique de l’accueil',
  'Séjour éducatif d’été',
  'Rénovation énergétique du foyer',
];
const services = ['Jeunesse', 'Patrimoine', 'Insertion', 'Santé', 'Vie associative'];
const associations = ['Association sportive', 'Amicale laïque', 'Comité des fêtes', 'Union musicale', 'Club de l’âge d’or', 'Foyer rural'];
const years = ['2019', '2020', '2021', '2022', '2023', '2024'];
const columnLetters = 'ABCDEFGHIJKL';
const dateStyle = 1; // cellXfs[1] = numFmtId 14

const staticParts: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Subventions" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  'xl/styles.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function benchXlsxPath(layout: StringLayout): Promise<string> {
  const path = join(tmpdir(), `atelier-bench-${xlsxBenchRows}x12-${layout}.xlsx`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const written = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, data, final) => {
      if (error) return reject(error);
      out.write(data);
      if (final) out.end(() => resolve());
    });
    const addPart = (name: string, text: string) => {
      const part = new ZipDeflate(name, { level: 6 });
      zip.add(part);
      part.push(strToU8(text), true);
    };
    for (const [name, text] of Object.entries(staticParts)) addPart(name, text);
    const strings = new Map<string, number>();
    const stringCell = (ref: string, text: string) => {
      if (layout === 'inline') return `<c r="${ref}" t="str"><v>${escapeXml(text)}</v></c>`;
      let index = strings.get(text);
      if (index === undefined) strings.set(text, (index = strings.size));
      return `<c r="${ref}" t="s"><v>${index}</v></c>`;
    };
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
    zip.add(sheet);
    sheet.push(
      strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
          `<dimension ref="A1:L${xlsxBenchRows + 1}"/><sheetData><row r="1">` +
          xlsxBenchColumns.map((name, c) => stringCell(`${columnLetters[c]}1`, name)).join('') +
          '</row>',
      ),
    );
    const random = mulberry32(42);
    const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
    const digits = (n: number, width: number) => String(Math.floor(n)).padStart(width, '0');
    let chunk = '';
    for (let i = 1; i <= xlsxBenchRows; i++) {
      const r = i + 1;
      const dept = digits(1 + random() * 95, 2);
      const decided = 36_526 + Math.floor(random() * 9_000); // 2000 to 2024
      chunk +=
        `<row r="${r}" spans="1:12" x14ac:dyDescent="0.25"><c r="A${r}"><v>${i}</v></c>` +
        stringCell(`B${r}`, dept + digits(random() * 1000, 3)) +
        stringCell(`C${r}`, dept + digits(random() * 1000, 3)) +
        stringCell(`D${r}`, communes[i % communes.length]!) +
        stringCell(`E${r}`, `${pick(associations)} de ${pick(communes)} n°${Math.floor(random() * 500_000)}`) +
        stringCell(`F${r}`, `${pick(objets)} (${pick(years)}), dossier ${digits(random() * 1e6, 6)}`) +
        `<c r="G${r}"><v>${Math.floor(random() * 10_000_000) / 100}</v></c>` +
        `<c r="H${r}"><v>${Math.round(random() * 1000) / 10}</v></c>` +
        `<c r="I${r}" s="${dateStyle}"><v>${decided}</v></c>` +
        `<c r="J${r}" s="${dateStyle}"><v>${decided + Math.floor(random() * 90)}</v></c>` +
        stringCell(`K${r}`, digits(random() * 1e9, 9) + digits(random() * 1e5, 5)) +
        stringCell(`L${r}`, services[i % services.length]!) +
        '</row>';
      if (i % 2_000 === 0) {
        sheet.push(strToU8(chunk));
        chunk = '';
      }
    }
    sheet.push(strToU8(`${chunk}</sheetData></worksheet>`), true);
    if (layout === 'inline') return zip.end();
    const sst = [...strings.keys()].map((text) => `<si><t>${escapeXml(text)}</t></si>`).join('');
    addPart(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${sst}</sst>`,
    );
    zip.end();
  });
  await written;
  renameSync(partial, path);
  return path;
}

// A small seeded generator that stays exact in 32-bit integer arithmetic.
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
