'use client';

import { useRouter } from 'next/navigation';

export function LogoutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={async () => {
        await fetch('/api/admin/logout', { method: 'POST' }).catch(() => null);
        router.refresh();
      }}
    >
      退出
    </button>
  );
}
