'use client';

import { useEffect, useState } from 'react';
import type { KnowledgeStatus } from '@/lib/knowledge/service';

interface Health {
  status?: 'ok' | 'degraded';
  knowledge?: KnowledgeStatus;
  store?: { state?: string } | null;
  error?: { message: string };
}

/**
 * Shown above the 命中测试 and admin pages while the knowledge base is not in order (from /api/health): an edit broke the FAQ
 * and the last good version is still answering (an alternative attached now takes effect once the file is fixed), nothing
 * can be served, or the database fails; or a companion file was set aside (written for another FAQ).
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
  if (health.knowledge?.state === 'degraded') {
    const since = health.knowledge?.since ? new Date(health.knowledge.since).toLocaleString('zh-CN') : '';
    return (
      <div className="notice" role="alert" data-testid="knowledge-banner">
        <strong>知识库文件有误,问答仍在使用上一个可用版本{since && `(自 ${since} 起)`}。</strong>
        修正文件后会自动恢复;在此之前添加的相似问题也要等文件修正后才生效。
        <pre style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{health.knowledge?.error?.message}</pre>
      </div>
    );
  }
  if (health.store?.state === 'error') {
    return (
      <div className="notice" role="alert" data-testid="knowledge-banner">
        数据库暂时无法访问:问答照常,对话记录会稍后重试写入,漏答队列和数据洞察可能不完整。
      </div>
    );
  }
  if (health.knowledge?.notice) {
    return (
      <div className="notice" role="status" data-testid="knowledge-banner">
        {health.knowledge.notice}
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
