import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  // Native addons (and PGlite's WASM files, found next to its module) must be loaded at run time, not bundled.
  serverExternalPackages: ['hnswlib-node', '@node-rs/jieba', 'pinyin-pro', '@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Pages get their security headers, with a per-request script nonce, from proxy.ts. The API and
  // static files skip the proxy (it would buffer request bodies before the routes could limit them): theirs are set here.
  async headers() {
    const headers = Object.entries(securityHeaders()).map(([key, value]) => ({ key, value }));
    return ['/api/:path*', '/v1/:path*', '/_next/static/:path*', '/_next/image/:path*'].map((source) => ({ source, headers }));
  },
};

export default nextConfig;
