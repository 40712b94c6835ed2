import { expect, test } from 'vitest';
import { parseAttributes, decodeXmlText } from '../../../electron/importing/readers/xml-text';
import { newScan, scanValue } from '../../../shared/french-values';

// Names that a plain object answers for although nobody put them there.
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

test('an entity named after an Object.prototype member is left as written', () => {
  for (const name of prototypeNames.filter((n) => /^[a-zA-Z]+$/.test(n))) expect(decodeXmlText(`a &${name}; b`)).toBe(`a &${name}; b`);
  expect(decodeXmlText('&amp;&lt;&gt;&quot;&apos;')).toBe('&<>"\'');
});

test('attributes are only those the tag carries', () => {
  const attributes = parseAttributes('<sheet name="A &amp; B" r:id="rId1" __proto__="x" constructor="y"/>');
  expect([...attributes]).toEqual([
    ['name', 'A & B'],
    ['r:id', 'rId1'],
    ['__proto__', 'x'],
    ['constructor', 'y'],
  ]);
  expect(parseAttributes('<sheet/>').get('toString')).toBeUndefined();
});

test('a cell reading like an Object.prototype member is text, not a boolean', () => {
  for (const name of prototypeNames) expect(scanValue(name, newScan())).toBe('text');
  expect(scanValue('Oui', newScan())).toBe('boolean');
});
