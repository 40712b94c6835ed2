import type { exporting as fr } from '../fr/ui-exporting';
import type { Shape } from '../shape';

export const exporting: Shape<typeof fr> = {
  group: 'Export version {number}',
  as: { csv: 'Export as CSV', xlsx: 'Export as Excel (XLSX)' },
  running: 'Exporting version {number}…',
  progress: 'Exporting: {done} rows of {total}',
  done: 'File {name} ready ({rows} rows). Cells that look like a formula start with an apostrophe.',
};
