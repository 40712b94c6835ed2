import type { reviewing as fr } from '../fr/ui-reviewing';
import type { Shape } from '../shape';

export const reviewing: Shape<typeof fr> = {};
