import type { UiKey } from '../i18n/i18n-context';

// The screens of the shell. No router library: the page has no URLs worth sharing (the
// desktop window has no address bar), so the current screen is plain state.
export type Route =
  | { page: 'datasets'; imported?: { name: string; rows: number } }
  | { page: 'import' }
  | { page: 'review'; datasetId?: number }
  | { page: 'charts' }
  | { page: 'publishing' }
  | { page: 'scheduling' }
  | { page: 'admin' }
  | { page: 'producers' }
  | { page: 'account' };

export type PageName = Route['page'];

export interface NavItem {
  page: PageName;
  label: UiKey;
  adminOnly?: true;
}

export const navItems: readonly NavItem[] = [
  { page: 'datasets', label: 'app.nav.datasets' },
  { page: 'import', label: 'app.nav.import' },
  { page: 'review', label: 'app.nav.review' },
  { page: 'charts', label: 'app.nav.charts' },
  { page: 'publishing', label: 'app.nav.publishing' },
  { page: 'scheduling', label: 'app.nav.scheduling' },
  { page: 'admin', label: 'app.nav.admin', adminOnly: true },
  { page: 'producers', label: 'app.nav.producers', adminOnly: true },
  { page: 'account', label: 'app.nav.account' },
];
