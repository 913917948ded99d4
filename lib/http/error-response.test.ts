import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadRequestError, IndexError, RateLimitError, UpstreamError } from '../errors';
import { errorResponse } from './error-response';

const body = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;

describe('errorResponse', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows exposed errors with their status and Chinese message', async () => {
    const r = errorResponse(new BadRequestError('问题不能为空'));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(await body(r)).toEqual({ code: 'bad_request', message: '问题不能为空' });
  });

  it('adds Retry-After to a rate-limit error', async () => {
    const r = errorResponse(new RateLimitError(7));
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect((await body(r)).message).toContain('7 秒');
  });

  it('keeps an index error actionable (503 with what to do)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = errorResponse(new IndexError('index_missing', '索引不存在,请先运行 npm run ingest'));
    expect(r.status).toBe(503);
    expect((await body(r)).message).toContain('npm run ingest');
  });

  it('logs internal errors and shows only a generic message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const secret = new Error('ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    for (const e of [secret, new UpstreamError('timeout', { url: 'http://internal' }, secret), 'a string']) {
      const r = errorResponse(e);
      expect(r.status).toBeGreaterThanOrEqual(500);
      const { message } = await body(r);
      expect(message).toBe('服务内部错误,请稍后再试。');
    }
    expect(log).toHaveBeenCalledTimes(3);
  });
});
