import { maxSharedStringChars, maxSharedStrings, tooManyStrings } from './shared-string-limits';
import { isNameEnd, richText, rootElementPrefix, scanXmlChunks } from './xlsx-xml-stream';

// The shared string table, parsed as it inflates: a sheet's text cells are indexes into it.
// Its count and total length are capped as it grows (shared-string-limits.ts).
export async function parseSharedStrings(chunks: AsyncIterable<Uint8Array>): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  const add = (text: string) => {
    chars += text.length;
    if (strings.length >= maxSharedStrings || chars > maxSharedStringChars) throw tooManyStrings();
    strings.push(text);
  };
  let prefix: string | undefined;
  let si = '';
  let siClose = '';
  const scan = (text: string): number => {
    if (prefix === undefined) {
      prefix = rootElementPrefix(text);
      if (prefix === undefined) return 0;
      si = `<${prefix}si`;
      siClose = `</${prefix}si>`;
    }
    let at = 0;
    for (;;) {
      const open = text.indexOf(si, at);
      if (open < 0) return Math.max(at, text.length - si.length);
      if (!isNameEnd(text.charCodeAt(open + si.length))) {
        if (open + si.length >= text.length) return open;
        at = open + si.length;
        continue;
      }
      const gt = text.indexOf('>', open);
      if (gt < 0) return open;
      if (text.charCodeAt(gt - 1) === 47) {
        add('');
        at = gt + 1;
        continue;
      }
      const close = text.indexOf(siClose, gt);
      if (close < 0) return open;
      add(richText(text, gt + 1, close, prefix));
      at = close + siClose.length;
    }
  };
  for await (const _ of scanXmlChunks(chunks, scan));
  return strings;
}
