import { writeFileSync } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';

// A zip written part by part as its text is produced, so that a part of a gigabyte never sits
// in the test's memory; `declaredSize` rewrites the size the central directory states for a
// part (a forged archive: 0 made SheetJS inflate without limit).
export interface CraftedPart {
  name: string;
  text: string | (() => Iterable<string>);
  declaredSize?: number;
}

export function writeCraftedZip(path: string, parts: CraftedPart[]): number {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const encoder = new TextEncoder();
  for (const part of parts) {
    const file = new ZipDeflate(part.name, { level: 6 });
    zip.add(file);
    for (const piece of typeof part.text === 'string' ? [part.text] : part.text()) file.push(encoder.encode(piece));
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  const bytes = Buffer.concat(out);
  for (const part of parts) if (part.declaredSize !== undefined) declareSize(bytes, part.name, part.declaredSize);
  writeFileSync(path, bytes);
  return bytes.length;
}

function declareSize(zip: Buffer, name: string, size: number): void {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4)) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      zip.writeUInt32LE(size, at + 24);
      return;
    }
  }
  throw new Error(`no part ${name}`);
}

const relType = (type: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`;
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

// The parts of a one-sheet workbook around the given sheet and shared strings.
export function xlsxParts(sheet: CraftedPart['text'], sharedStrings?: CraftedPart['text']): CraftedPart[] {
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '',
  ];
  const rels = [`<Relationship Id="rId1" Type="${relType('worksheet')}" Target="worksheets/sheet1.xml"/>`];
  if (sharedStrings) rels.push(`<Relationship Id="rId2" Type="${relType('sharedStrings')}" Target="sharedStrings.xml"/>`);
  const parts: CraftedPart[] = [
    { name: '[Content_Types].xml', text: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>${overrides.join('')}</Types>` },
    { name: '_rels/.rels', text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', text: `<?xml version="1.0"?><workbook xmlns="${mainNs}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', text: sheet },
  ];
  if (sharedStrings) parts.push({ name: 'xl/sharedStrings.xml', text: sharedStrings });
  return parts;
}

// Yields `count` copies of `unit` in pieces of about a megabyte.
export function* repeated(head: string, unit: string, count: number, tail: string): Iterable<string> {
  yield head;
  const perPiece = Math.max(1, Math.floor((1 << 20) / unit.length));
  const piece = unit.repeat(perPiece);
  for (let done = 0; done < count; done += perPiece) yield count - done >= perPiece ? piece : unit.repeat(count - done);
  yield tail;
}
