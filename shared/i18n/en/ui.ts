import { admin } from './ui-admin';
import { app } from './ui-app';
import { exporting } from './ui-exporting';
import { importing } from './ui-importing';
import { producers } from './ui-producers';
import { reviewing } from './ui-reviewing';

export const ui = { app, admin, importing, reviewing, producers, exporting };
