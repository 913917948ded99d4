'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Signs in with ADMIN_PASSWORD; the server sets an httpOnly session cookie. */
export function LoginForm() {
  const router = useRouter();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="login-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const res = await fetch('/api/admin/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password }),
        }).catch(() => null);
        setBusy(false);
        if (res?.ok) return router.refresh();
        const body = (await res?.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? '登录失败,请稍后再试。');
      }}
    >
      <label>
        管理密码 <input type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy || password === ''}>
        登录
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
