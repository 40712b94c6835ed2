import { admin } from './ui-admin';
import { app } from './ui-app';
import { importing } from './ui-importing';
import { producers } from './ui-producers';
import { reviewing } from './ui-reviewing';

export const ui = { app, admin, importing, reviewing, producers };
