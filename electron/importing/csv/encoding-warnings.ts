import type { Message } from '../../../shared/contract';
import type { CsvSource } from './csv-source';

// What the preview says about how the text was decoded, once the file has been read.
export function encodingWarnings(csv: CsvSource): Message[] {
  const found: Message[] = [];
  const { mixed, mojibake } = csv.stats;
  if (csv.decoding.mixedWith && mixed.utf8Lines > 0 && mixed.legacyLines > 0) {
    const legacyFirst = (mixed.firstLegacyLine ?? 0) < (mixed.firstUtf8Line ?? 0);
    found.push({
      code: 'importing.warnings.mixed_encoding',
      params: {
        legacy: csv.decoding.mixedWith,
        line: (legacyFirst ? mixed.firstUtf8Line : mixed.firstLegacyLine) ?? 0,
        from: legacyFirst ? csv.decoding.mixedWith : 'utf-8',
        to: legacyFirst ? 'utf-8' : csv.decoding.mixedWith,
      },
    });
  }
  if (csv.decoding.guessed) found.push({ code: 'importing.warnings.encoding_guessed', params: { encoding: csv.decoding.encoding } });
  if (mojibake > 0) found.push({ code: 'importing.warnings.mojibake', params: { count: mojibake } });
  return found;
}
