import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { getRuntime } from '@/lib/runtime';
import './globals.css';

/** The app's name (ASSISTANT_NAME) in every title: 「命中测试 · 商户 FAQ 助手」. */
export function generateMetadata(): Metadata {
  const name = getRuntime().config.assistantName;
  return { title: { default: name, template: `%s · ${name}` }, description: `${name}:只依据 FAQ 作答并标注来源` };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page is rendered per request, so each gets the fresh script nonce of proxy.ts's CSP.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            {getRuntime().config.assistantName}
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
