import type { admin as fr } from '../fr/ui-admin';
import type { Shape } from '../shape';

export const admin: Shape<typeof fr> = {
  disabled: 'disabled',
  roles: { agent: 'agent', reviewer: 'reviewer', admin: 'administrator' },
};
