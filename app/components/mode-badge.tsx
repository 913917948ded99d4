'use client';

import { useEffect, useState } from 'react';

interface Health {
  mode: 'offline' | 'llm';
  model?: string;
  entries: number;
}

/** Shows how answers are produced: 离线检索, or the configured model's name. */
export function ModeBadge() {
  const [health, setHealth] = useState<Health | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetch('/api/health')
      .then((r) => (r.ok ? (r.json() as Promise<Health>) : Promise.reject(new Error(String(r.status)))))
      .then(setHealth, () => setFailed(true));
  }, []);
  if (failed)
    return (
      <span className="badge" style={{ color: '#cf222e' }}>
        索引不可用
      </span>
    );
  if (!health) return null;
  return (
    <span className="badge" data-testid="mode-badge" title={`FAQ 条目数:${health.entries}`}>
      {health.mode === 'llm' ? `模型:${health.model}` : '离线检索'}
    </span>
  );
}
