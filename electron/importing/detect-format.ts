import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import * as XLSX from 'xlsx';
import { AppError } from '../../shared/errors';
import { readBytesAt, withSourceFile } from './readers/source-file';
import { readEntry, readZipDirectory, type ZipEntry } from './readers/zip-directory';

export type SpreadsheetFormat = 'csv' | 'xlsx' | 'xls' | 'ods';

const headLength = 64 * 1024;
const odsMimeType = 'application/vnd.oasis.opendocument.spreadsheet';
const biffBofRecords = new Set([0x0009, 0x0209, 0x0409, 0x0809]);
const biffFilePass = 0x002f;
const biffEof = 0x000a;
// Files agents drop by mistake, named in the error so the message can say what it was.
const binarySignatures: [string, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
  ['rar', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
];

// The format comes from the content: agents rename files (an .xls that is really a CSV
// export, an .ods saved as .xls), and the extension is only what the file claims to be.
export async function detectFormat(path: string): Promise<SpreadsheetFormat> {
  const fileName = basename(path);
  return withSourceFile(path, async (handle) => {
    const { size } = await handle.stat();
    if (size === 0) throw new AppError('import.empty', { fileName });
    const head = await readBytesAt(handle, 0, headLength);
    const unsupported = (detected: string) => new AppError('import.unsupported_format', { fileName, detected });
    if (isZip(head)) return detectZipFormat(handle, size, unsupported);
    if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
      return detectOleFormat(await handle.readFile(), unsupported);
    }
    if (head.length >= 4 && biffBofRecords.has(head.readUInt16LE(0)) && head.readUInt16LE(2) <= 20) {
      if (hasFilePass(await handle.readFile())) throw new AppError('import.encrypted', { fileName });
      return 'xls';
    }
    const signature = binarySignatures.find(([, bytes]) => startsWith(head, bytes));
    if (signature) throw unsupported(signature[0]);
    const markup = detectMarkup(head);
    if (markup) return markup === 'other' ? Promise.reject(unsupported('xml')) : markup;
    if (looksLikeText(head)) {
      if (/^\s*\{/.test(head.toString('utf8', 0, 64).replace(/^\uFEFF/, ''))) throw unsupported('json');
      return 'csv';
    }
    throw unsupported('binary');
  });
}

export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

type Unsupported = (detected: string) => AppError;

async function detectZipFormat(handle: FileHandle, size: number, unsupported: Unsupported): Promise<SpreadsheetFormat> {
  const entries = await readZipDirectory(handle, size);
  const smallText = async (entry: ZipEntry | undefined) =>
    entry && entry.uncompressedSize < 1024 * 1024 ? (await readEntry(handle, entry)).toString('utf8') : '';
  if (entries.has('xl/workbook.xml')) {
    if (entries.get('xl/workbook.xml')?.encrypted) throw new AppError('import.encrypted');
    return 'xlsx';
  }
  if (entries.has('xl/workbook.bin')) throw unsupported('xlsb');
  const mimeType = (await smallText(entries.get('mimetype'))).trim();
  if (mimeType.startsWith(odsMimeType) || (mimeType === '' && entries.has('content.xml'))) {
    // An ODS saved with a password keeps its manifest in clear and says how the parts are encrypted.
    if ((await smallText(entries.get('META-INF/manifest.xml'))).includes('encryption-data')) {
      throw new AppError('import.encrypted');
    }
    return 'ods';
  }
  if (mimeType.startsWith('application/vnd.oasis.opendocument.')) throw unsupported(mimeType.split('.').pop() ?? 'odf');
  if (entries.has('word/document.xml')) throw unsupported('docx');
  if (entries.has('ppt/presentation.xml')) throw unsupported('pptx');
  throw unsupported('zip');
}

// What we use of SheetJS' CFB container (typed `any` by the package).
interface OleContainer {
  FileIndex: { name: string; type: number; content?: Uint8Array }[];
}

// An OLE2 compound file is an .xls (BIFF5-8) or, for a password-protected .xlsx, the container
// Office puts the encrypted package in.
function detectOleFormat(data: Buffer, unsupported: Unsupported): SpreadsheetFormat {
  let container: OleContainer;
  try {
    container = XLSX.CFB.read(data, { type: 'buffer' }) as OleContainer;
  } catch {
    throw new AppError('import.corrupt', { reason: 'ole' });
  }
  const streamNamed = (name: string) => container.FileIndex.find((entry) => entry.name === name && entry.type === 2);
  if (streamNamed('EncryptedPackage') || streamNamed('EncryptionInfo')) throw new AppError('import.encrypted');
  const workbook = streamNamed('Workbook') ?? streamNamed('Book');
  if (workbook) {
    if (workbook.content && hasFilePass(Buffer.from(workbook.content))) {
      throw new AppError('import.encrypted');
    }
    return 'xls';
  }
  throw unsupported(streamNamed('WordDocument') ? 'doc' : 'ole');
}

// A FILEPASS record in the workbook globals (before their EOF) means the .xls is encrypted.
function hasFilePass(stream: Buffer): boolean {
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(at);
    if (type === biffFilePass) return true;
    if (type === biffEof) return false;
    at += 4 + stream.readUInt16LE(at + 2);
  }
  return false;
}

// Excel also saves HTML tables and "XML Spreadsheet 2003" as .xls; SheetJS reads both, and
// flat ODS (.fods) too.
function detectMarkup(head: Buffer): SpreadsheetFormat | 'other' | undefined {
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) return undefined;
  if (/urn:schemas-microsoft-com:office:spreadsheet|progid="Excel\.Sheet"/i.test(text)) return 'xls';
  if (/office:mimetype="application\/vnd\.oasis\.opendocument\.spreadsheet"/.test(text)) return 'ods';
  if (/<(html|table)[\s>]/i.test(text)) return 'xls';
  if (text.startsWith('<?xml')) return 'other';
  return undefined;
}

const strayBytesAllowed = 4;

// Text in any of the encodings the CSV reader knows: few control characters, and NUL bytes
// only in the every-other-byte pattern of UTF-16 (the CSV reader copes with a stray NUL).
function looksLikeText(head: Buffer): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  let control = 0;
  const nulsAt = [0, 0];
  for (let i = 0; i < head.length; i++) {
    const byte = head[i]!;
    if (byte === 0) nulsAt[i & 1]!++;
    else if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12 && byte !== 0x1a) control++;
  }
  const nuls = nulsAt[0]! + nulsAt[1]!;
  // A share alone would refuse a tiny file for one stray byte: a few are always allowed.
  const allowed = Math.max(head.length / 100, strayBytesAllowed);
  if (nuls > head.length / 10) return Math.max(nulsAt[0]!, nulsAt[1]!) > nuls * 0.95 && control < allowed;
  return control + nuls <= allowed;
}

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, i) => data[i] === byte);
}
