/**
 * The Content-Security-Policy of the renderer. One source of truth: the Electron app:// protocol
 * sends it as a header, the browser preview server sends the same header, and index.html carries
 * it as a meta tag for any other way the page is loaded.
 *
 * 'wasm-unsafe-eval' is needed by the Argon2id WebAssembly module; 'unsafe-eval' is never allowed.
 * img-src allows data: and blob: for the bundled map and generated images only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

/** The CSP with one extra image host, when the coordinator has configured a tile server. */
export function contentSecurityPolicyWithTileHost(tileOrigin: string | null): string {
  if (!tileOrigin) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace(
    "img-src 'self' data: blob:",
    `img-src 'self' data: blob: ${tileOrigin}`,
  );
}

/**
 * index.html with its CSP meta tag widened the same way as the header: a meta policy applies as
 * well as the header, so a meta tag left at img-src 'self' would keep the tile host out even when
 * main let it through. Only the img-src directive of the meta tag changes, and only with an origin.
 */
export function htmlWithTileHost(html: string, tileOrigin: string | null): string {
  if (!tileOrigin) return html;
  return html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?)img-src 'self' data: blob:/,
    `$1img-src 'self' data: blob: ${tileOrigin}`,
  );
}
