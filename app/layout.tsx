import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: '商户 FAQ 助手',
  description: '基于商户 FAQ 的引用式问答助手',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page is rendered per request, so each gets the fresh script nonce of proxy.ts's CSP.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            商户 FAQ 助手
          </Link>
          <nav>
            <Link href="/">问答</Link>
            <Link href="/faq">FAQ 浏览</Link>
            <Link href="/retrieval">命中测试</Link>
            <Link href="/admin">管理</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
