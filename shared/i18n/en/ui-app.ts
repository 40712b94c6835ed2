import type { app as fr } from '../fr/ui-app';
import type { Shape } from '../shape';

export const app: Shape<typeof fr> = {};
