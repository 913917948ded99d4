'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from '@/app/components/send-json';

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
        const sent = await sendJson('/api/admin/login', 'POST', { password }, '登录失败,请稍后再试。');
        setBusy(false);
        if (sent.ok) return router.refresh();
        setError(sent.message);
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
