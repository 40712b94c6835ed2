// Maps: entity and attribute names come from the file (`&constructor;` is no entity).
const namedEntities = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);
const entityPattern = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
// OOXML escapes characters XML cannot carry (CR, control characters) as _xHHHH_.
const ooxmlEscapePattern = /_x([0-9a-fA-F]{4})_/g;

export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.includes('&')) {
    text = text.replace(entityPattern, (whole, body: string) => {
      if (body.charCodeAt(0) !== 35) return namedEntities.get(body) ?? whole;
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (text.includes('_x')) {
    text = text.replace(ooxmlEscapePattern, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  // Excel's line breaks in a cell are CR LF; one line break is one "\n" whatever wrote the file.
  if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
  return text;
}

// Attributes of one start tag, e.g. `<sheet name="A &amp; B" r:id="rId1"/>`; for the small
// parts of a workbook (workbook.xml, rels, styles), never for sheet data.
export function parseAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1]!, decodeXmlText(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

// Start tags of elements named `localName`, whatever their namespace prefix.
export function findTags(xml: string, localName: string): string[] {
  return xml.match(new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^>]*>`, 'g')) ?? [];
}
