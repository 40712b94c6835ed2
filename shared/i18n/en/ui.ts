import { admin } from './ui-admin';
import { app } from './ui-app';
import { importing } from './ui-importing';
import { reviewing } from './ui-reviewing';

export const ui = { app, admin, importing, reviewing };
