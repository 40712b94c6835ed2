import { delimiter as delimiterSchema, type Delimiter } from '../../../shared/contract';
import { CsvParser, rowFieldsFrom, type ParsedRows } from './csv-parser';

const sampleRows = 1000;

// The delimiter that splits the most rows of the sample into the same number of fields,
// read with quotes honoured. A row counts for a candidate only where the candidate separates
// content: trailing empty fields are discounted, so a file whose lines all end in ";;" is not
// taken for a ";" file when its fields are separated by ",". Ties go to the longer rows, then
// to the French habit: ; before , before tab before |.
export function sniffDelimiter(sample: string): Delimiter {
  let best: Delimiter = ';';
  let bestScore = [0, 0];
  for (const candidate of delimiterSchema.options) {
    const parser = new CsvParser(candidate);
    parser.push(sample);
    const score = regularity(parser.take());
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

// [rows of the most common width, that width], among rows that hold two fields or more
// before their trailing empty ones.
function regularity(parsed: ParsedRows): [number, number] {
  const frequency = new Map<number, number>();
  for (let row = 0; row < Math.min(parsed.rows, sampleRows); row++) {
    const first = rowFieldsFrom(parsed, row);
    const width = parsed.rowEnds[row]! - first;
    let filled = width;
    while (filled > 0 && parsed.ends[first + filled - 1]! === parsed.starts[first + filled - 1]!) filled--;
    if (filled > 1) frequency.set(width, (frequency.get(width) ?? 0) + 1);
  }
  let score: [number, number] = [0, 0];
  for (const [width, rows] of frequency) {
    if (rows > score[0] || (rows === score[0] && width > score[1])) score = [rows, width];
  }
  return score;
}
