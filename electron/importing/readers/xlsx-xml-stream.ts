import { decodeXmlText } from './xml-text';

// A scanner consumes what it can of the text and returns where it stopped: the rest (an
// element cut by the chunk boundary) is handed back to it with the next chunk.
export type XmlChunkScanner = (text: string) => number;

// Decodes an inflating part chunk by chunk and feeds the scanner; yields after every chunk so
// the caller can hand over what the scanner produced and check for cancellation.
export async function* scanXmlChunks(chunks: AsyncIterable<Uint8Array>, scan: XmlChunkScanner): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + decoder.decode(chunk, { stream: true });
    carry = text.slice(scan(text));
    yield;
  }
  const text = carry + decoder.decode();
  if (text.length > 0) scan(text);
  yield;
}

// Some producers (the .NET Open XML SDK) write every element with a prefix, e.g. <x:row>.
// The root element tells which one; undefined while the root has not arrived yet.
export function rootElementPrefix(text: string): string | undefined {
  const match = /<(?![?!])(?:([\w.-]+):)?[\w.-]+[\s/>]/.exec(text);
  if (!match) return undefined;
  return match[1] ? `${match[1]}:` : '';
}

export function isNameEnd(code: number): boolean {
  return code === 62 || code === 32 || code === 47 || code === 10 || code === 13 || code === 9;
}

// Text of a shared or inline string: the <t> of the string or of each rich-text run, not the
// phonetic guide (<rPh>) that Japanese workbooks add.
export function richText(xml: string, start: number, end: number, prefix: string): string {
  const t = `${prefix}t`;
  const rPh = `${prefix}rPh`;
  let text = '';
  let at = start;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0 || lt >= end) break;
    if (xml.startsWith(t, lt + 1) && isNameEnd(xml.charCodeAt(lt + 1 + t.length))) {
      const gt = xml.indexOf('>', lt);
      if (xml.charCodeAt(gt - 1) === 47) {
        at = gt + 1;
        continue;
      }
      const close = xml.indexOf('<', gt + 1);
      text += xml.slice(gt + 1, close);
      at = close;
    } else if (xml.startsWith(rPh, lt + 1) && isNameEnd(xml.charCodeAt(lt + 1 + rPh.length))) {
      const close = xml.indexOf(`</${rPh}>`, lt);
      at = close < 0 || close > end ? end : close + rPh.length + 3;
    } else {
      at = lt + 1;
    }
  }
  return decodeXmlText(text);
}
