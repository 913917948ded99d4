/**
 * The security headers of every response, written once: proxy.ts sets them on everything Next
 * serves (with a fresh script nonce per request), server.ts on the answers it gives itself
 * (odd methods, malformed URLs, slow or oversized requests).
 */

/** A fresh, unguessable script nonce (128 bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/**
 * The Content-Security-Policy. Scripts run only from this origin with the request's nonce
 * ('strict-dynamic' lets Next's nonce'd bootstrap load its chunks); no inline script without it.
 * Without a nonce (JSON and error answers) no script runs at all. Styles keep 'unsafe-inline':
 * React style attributes cannot carry a nonce, and a style cannot run code.
 *
 * @example
 * contentSecurityPolicy({ nonce: createNonce() }) // "default-src 'self'; script-src 'self' 'nonce-…' 'strict-dynamic'; …"
 */
export function contentSecurityPolicy(opts: { nonce?: string; dev?: boolean } = {}): string {
  const script = opts.nonce ? `'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}` : "'none'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every security header, as name -> value (lower-case names). */
export function securityHeaders(opts: { nonce?: string; dev?: boolean } = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(opts),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}
