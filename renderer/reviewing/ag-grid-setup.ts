import {
  CellStyleModule,
  CustomFilterModule,
  DateFilterModule,
  EventApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  themeQuartz,
} from 'ag-grid-community';
import { cspNonceMetaName } from '../../shared/csp';

// Only what the review grid uses: the infinite row model (blocks from the service), the
// number and date filters, our own text/values filter, the text editor, cell and row classes.
ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  NumberFilterModule,
  DateFilterModule,
  CustomFilterModule,
  TextEditorModule,
  CellStyleModule,
  RowStyleModule,
  RowApiModule,
  ScrollApiModule,
  RenderApiModule,
  EventApiModule,
]);

// AG Grid injects its theme as <style> elements: they carry the page's per-load nonce, so
// the CSP needs no 'unsafe-inline'.
export const styleNonce = document.querySelector<HTMLMetaElement>(`meta[name="${cspNonceMetaName}"]`)?.content ?? '';

export const gridTheme = themeQuartz.withParams({
  accentColor: '#000091',
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 38,
});
