import { posix } from 'node:path';
import * as XLSX from 'xlsx';
import type { SheetInfo } from '../raw-table';
import { findTags, parseAttributes } from './xml-text';

export interface XlsxSheet extends SheetInfo {
  path: string; // zip entry of the sheet part
}

export interface XlsxParts {
  workbookPath: string;
  sheets: XlsxSheet[];
  date1904: boolean;
  sharedStringsPath: string | undefined;
  stylesPath: string | undefined;
}

export const packageRelsPath = '_rels/.rels';
const relTypeSuffix = { officeDocument: '/officeDocument', sharedStrings: '/sharedStrings', styles: '/styles' };

interface Relationship {
  id: string;
  type: string;
  path: string;
}

// Targets are relative to the part that owns the .rels file, or absolute from the package root.
function parseRelationships(relsXml: string, ownerPath: string): Relationship[] {
  const base = posix.dirname(ownerPath);
  return findTags(relsXml, 'Relationship').map((tag) => {
    const attributes = parseAttributes(tag);
    const target = attributes.get('Target') ?? '';
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
    return { id: attributes.get('Id') ?? '', type: attributes.get('Type') ?? '', path };
  });
}

export function workbookPathFromPackageRels(relsXml: string | undefined): string {
  const rel = relsXml && parseRelationships(relsXml, '').find((r) => r.type.endsWith(relTypeSuffix.officeDocument));
  return rel ? rel.path : 'xl/workbook.xml';
}

export function parseWorkbookParts(workbookPath: string, workbookXml: string, relsXml: string): XlsxParts {
  const rels = parseRelationships(relsXml, workbookPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = findTags(workbookXml, 'sheet').map((tag, index) => {
    const attributes = parseAttributes(tag);
    const relId = [...attributes].find(([name]) => name === 'id' || name.endsWith(':id'))?.[1] ?? '';
    const state = attributes.get('state') ?? 'visible';
    return {
      index,
      name: attributes.get('name') ?? `Sheet${index + 1}`,
      hidden: state === 'hidden' || state === 'veryHidden',
      path: byId.get(relId)?.path ?? '',
    };
  });
  const workbookPr = parseAttributes(findTags(workbookXml, 'workbookPr')[0] ?? '');
  const partOfType = (suffix: string) => rels.find((r) => r.type.endsWith(suffix))?.path;
  return {
    workbookPath,
    sheets,
    date1904: workbookPr.get('date1904') === '1' || workbookPr.get('date1904') === 'true',
    sharedStringsPath: partOfType(relTypeSuffix.sharedStrings),
    stylesPath: partOfType(relTypeSuffix.styles),
  };
}

// Ids 27-36 and 50-58 are the East Asian built-in date formats, absent from SheetJS' table.
const eastAsianDateFormat = 'yyyy-mm-dd';
function builtinFormat(id: number): string | undefined {
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return eastAsianDateFormat;
  return XLSX.SSF.get_table()[id];
}

// For each cell style (the `s` attribute of a cell), the number format it shows numbers with.
export function parseCellFormats(stylesXml: string): string[] {
  const custom = new Map<number, string>();
  for (const tag of findTags(stylesXml, 'numFmt')) {
    const attributes = parseAttributes(tag);
    const numFmtId = attributes.get('numFmtId');
    const formatCode = attributes.get('formatCode');
    if (numFmtId !== undefined && formatCode !== undefined) custom.set(Number(numFmtId), formatCode);
  }
  // Only <xf> of <cellXfs>: <cellStyleXfs> holds named styles that cells don't point to.
  const cellXfs = /<(?:[\w.-]+:)?cellXfs[\s>][\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  return findTags(cellXfs, 'xf').map((tag) => {
    const id = Number(parseAttributes(tag).get('numFmtId') ?? 0);
    return custom.get(id) ?? builtinFormat(id) ?? 'General';
  });
}
