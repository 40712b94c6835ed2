import iconv from 'iconv-lite';
import { expect, test } from 'vitest';
import { encoding, frenchEncodings, otherEncodings } from '../../../shared/contract';

// iconv-lite names its codecs without punctuation ("iso88597"); ours are the usual spellings.
const folded = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

test('every single-byte encoding iconv-lite decodes can be chosen, and every choice decodes', () => {
  iconv.getCodec('utf8');
  const codecs = iconv.encodings as unknown as Record<string, { type?: string } | string>;
  const singleByte = Object.keys(codecs).filter((k) => {
    const codec = codecs[k];
    return typeof codec === 'object' && codec.type === '_sbcs';
  });
  const offered = new Set(encoding.options.map(folded));
  for (const name of singleByte) expect(offered.has(name) || offered.has(folded(String(name))), name).toBe(true);
  for (const name of encoding.options) expect(iconv.encodingExists(name), name).toBe(true);
  expect(new Set([...frenchEncodings, ...otherEncodings]).size).toBe(encoding.options.length);
});
