import { describe, expect, it } from 'vitest';
import { chinaTime, missQueueCsv } from './export';
import type { MissQueueCluster } from './misses';

describe('the miss queue export', () => {
  it('gives times in China Standard Time, as the insights count days', () => {
    expect(chinaTime('2026-12-04T05:09:53.120Z')).toBe('2026-12-04 13:09:53');
    // Past midnight in Beijing, still the day before in UTC.
    expect(chinaTime('2026-12-04T16:30:00Z')).toBe('2026-12-05 00:30:00');
    const cluster = {
      count: 1,
      wordings: [{ text: '挥卡报03', count: 1, lastSeen: '2026-12-04T05:09:53.120Z' }],
      kinds: { refuse: 1, hedge: 0, down: 0 },
      candidates: [],
      uncovered: false,
      comments: [],
    } as unknown as MissQueueCluster;
    const csv = missQueueCsv({ clusters: [cluster], capped: false });
    expect(csv).toContain('最近一次(北京时间)');
    expect(csv).toContain('2026-12-04 13:09:53');
    expect(csv).not.toContain('只含最近');
  });

  it('ends a file that holds only the newest misses with a row that says so', () => {
    const csv = missQueueCsv({ clusters: [], capped: true });
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^,,"注意:该时间段未命中的提问超过 5000 次,本文件只含最近的 5000 次/);
  });
});
