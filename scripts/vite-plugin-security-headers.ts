// Content-Security-Policy and companion headers for the dev server and `vite preview`, and the
// same policy as a <meta> tag in the built index.html for static hosts that set no headers.
import type { Connect, Plugin } from 'vite';

// Everything is served from our own origin. WebAssembly needs 'wasm-unsafe-eval'; tfjs' threaded
// WASM starts its pthread workers from blob: URLs (worker-src) that import blob: scripts
// (script-src). Images decode from blob: and data: URLs; the webcam plays a media stream.
const directives = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy of the built app; `frame-ancestors` works only as a header. */
export const CONTENT_SECURITY_POLICY = directives.join('; ');

/** Headers for every response of the built app (preview, and any host that can set headers). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};

// Dev only: Vite injects its HMR styles and React Refresh's preamble inline.
const devHeaders: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': SECURITY_HEADERS['Content-Security-Policy']
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
};

const withHeaders =
  (headers: Record<string, string>): Connect.NextHandleFunction =>
  (_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };

/** Vite plugin: security headers in dev and preview, and the CSP meta tag in the build. */
export function securityHeaders(): Plugin {
  return {
    name: 'digit-lab:security-headers',
    configureServer(server) {
      server.middlewares.use(withHeaders(devHeaders));
    },
    configurePreviewServer(server) {
      server.middlewares.use(withHeaders(SECURITY_HEADERS));
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html; // dev: the header carries the dev policy
        // Right after the charset, before any script or stylesheet it must cover.
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        const charset = /<meta charset[^>]*>/i;
        return charset.test(html)
          ? html.replace(charset, (m) => `${m}\n    ${meta}`)
          : html.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
  };
}
