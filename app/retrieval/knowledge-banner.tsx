'use client';

import { useEffect, useState } from 'react';
import type { KnowledgeStatus } from '@/lib/knowledge/service';

interface Health {
  status?: 'ok' | 'degraded';
  knowledge?: KnowledgeStatus;
  error?: { message: string };
}

/**
 * Shown above the 命中测试 page while the knowledge base is not in order (from /api/health):
 * an edit broke the FAQ and the last good version is still answering, or nothing can be served.
 */
export function KnowledgeBanner() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      fetch('/api/health', { cache: 'no-store' })
        .then((r) => r.json() as Promise<Health>)
        .then((h) => alive && setHealth(h))
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, 10_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  if (!health) return null;
  if (health.status === 'degraded') {
    const since = health.knowledge?.since ? new Date(health.knowledge.since).toLocaleString('zh-CN') : '';
    return (
      <div className="notice" role="alert" data-testid="knowledge-banner">
        <strong>知识库文件有误,问答仍在使用上一个可用版本{since && `(自 ${since} 起)`}。</strong>修正文件后会自动恢复。
        <pre style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{health.knowledge?.error?.message}</pre>
      </div>
    );
  }
  if (health.error) {
    return (
      <div className="notice" role="alert" data-testid="knowledge-banner">
        知识库不可用:{health.error.message}
      </div>
    );
  }
  return null;
}
