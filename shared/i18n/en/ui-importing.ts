import type { importing as fr } from '../fr/ui-importing';
import type { Shape } from '../shape';

export const importing: Shape<typeof fr> = {};
