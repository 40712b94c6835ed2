import { delimiter as delimiterSchema, type Delimiter } from '../../../shared/contract';
import { CsvParser, rowFieldsFrom } from './csv-parser';

const sampleRows = 100;

// The delimiter that splits the most rows of the sample into the same number of fields
// (more than one), read with quotes honoured; ties go to the longer rows, then to the
// French habit: ; before , before tab before |.
export function sniffDelimiter(sample: string): Delimiter {
  let best: Delimiter = ';';
  let bestScore = [0, 0];
  for (const candidate of delimiterSchema.options) {
    const parser = new CsvParser(candidate);
    parser.push(sample);
    const parsed = parser.take();
    const counts: number[] = [];
    for (let row = 0; row < Math.min(parsed.rows, sampleRows); row++) {
      const first = rowFieldsFrom(parsed, row);
      const width = parsed.rowEnds[row]! - first;
      if (width > 1 || parsed.ends[first]! > parsed.starts[first]!) counts.push(width);
    }
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let score = [0, 0];
    for (const [width, rows] of frequency) {
      if (width > 1 && (rows > score[0]! || (rows === score[0] && width > score[1]!))) score = [rows, width];
    }
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
