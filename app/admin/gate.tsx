import { headers } from 'next/headers';
import Link from 'next/link';
import { ADMIN_DISABLED_TEXT, type AdminState, adminState } from '@/lib/admin/access';
import { getRuntime } from '@/lib/runtime';
import { KnowledgeBanner } from '../components/knowledge-banner';
import { LoginForm } from './login-form';
import { LogoutButton } from './logout-button';

/** Whether this request may see the admin pages. */
export async function adminGate(): Promise<AdminState> {
  return adminState(getRuntime().config, await headers());
}

/** What a page shows instead of its content without a session: how to enable the admin pages, or the sign-in form. Nothing else. */
export function Gate({ state }: { state: Exclude<AdminState, 'admin'> }) {
  if (state === 'disabled') {
    return (
      <section className="admin-gate" data-testid="admin-disabled">
        <h1>管理后台未启用</h1>
        <p>{ADMIN_DISABLED_TEXT}</p>
        <pre>ADMIN_PASSWORD=一个足够长的密码 npm start</pre>
        <p className="hint">启用后可查看漏答队列(拒答、不确定和差评的问题)与数据洞察。</p>
      </section>
    );
  }
  return (
    <section className="admin-gate">
      <h1>管理后台登录</h1>
      <LoginForm />
    </section>
  );
}

/** The admin pages' navigation. */
export function AdminNav({ current }: { current: 'misses' | 'alternatives' | 'insights' }) {
  return (
    <>
      <KnowledgeBanner />
      <nav className="admin-nav">
        <Link href="/admin/misses" aria-current={current === 'misses' ? 'page' : undefined}>
          漏答队列
        </Link>
        <Link href="/admin/alternatives" aria-current={current === 'alternatives' ? 'page' : undefined}>
          已添加的相似问题
        </Link>
        <Link href="/admin/insights" aria-current={current === 'insights' ? 'page' : undefined}>
          数据洞察
        </Link>
        <LogoutButton />
      </nav>
    </>
  );
}

/** A date range picker (GET form): the page re-renders for the range. */
export function RangeForm({ from, to, children }: { from?: string; to?: string; children?: React.ReactNode }) {
  return (
    <form className="range-form" method="get">
      <label>
        从 <input type="date" name="from" defaultValue={from} />
      </label>
      <label>
        到 <input type="date" name="to" defaultValue={to} />
      </label>
      <button type="submit">筛选</button>
      {children}
    </form>
  );
}
