// The one Content-Security-Policy of the page, for the desktop protocol and the browser mode
// alike. No 'unsafe-eval', no 'unsafe-inline': styles injected at run time (AG Grid) carry
// the per-load nonce, read by the page from <meta name="csp-nonce">.
export function contentSecurityPolicy(nonce: string, connectSrc: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSrc.map((s) => ' ' + s).join('')}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const cspNonceMetaName = 'csp-nonce';
