import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useRouteRuntime } from '@/lib/testing/route-runtime';
import { chatBody } from './read-ui-stream';
import { POST } from './route';

useRouteRuntime({ RATE_LIMIT_PER_MINUTE: '0' });

const post = (body: string) => POST(new Request('http://localhost/api/chat', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));

/** Hostile strings: lone surrogates, control characters, RTL marks, huge and nested content. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\ud800', '\udfff', '\u0000\u0001\u001f', '\u202e反向', '<script>alert(1)</script>', '[FAQ99.1]', '{"a":', '挥'.repeat(3000), ' \n\t '),
  fc.stringMatching(/^[\u4e00-\u9fff0-9 ,?]{0,40}$/),
);
const part = fc.oneof(fc.record({ type: fc.constant('text'), text: nasty }), fc.record({ type: fc.string(), text: fc.anything() }), fc.anything());
const message = fc.oneof(
  fc.record({ id: fc.string(), role: fc.constantFrom('user', 'assistant', 'system', 'tool', ''), parts: fc.array(part, { maxLength: 4 }) }),
  fc.anything(),
);
const body = fc.oneof(
  fc.record({ id: fc.option(fc.string()), messages: fc.array(message, { maxLength: 6 }) }),
  fc.record({ messages: fc.array(message, { minLength: 40, maxLength: 80 }) }),
  fc.anything({ maxDepth: 6 }).map((x) => ({ messages: x })),
  fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.constant(1), fc.array(tie('node'), { maxLength: 3 })) })).node.map((n) => ({ messages: n })),
);
const raw = fc.oneof(
  body.map((b) => JSON.stringify(b) ?? 'null'),
  fc.string(),
  nasty.map((t) => chatBody(t)),
  fc.integer({ min: 1, max: 200 }).map((n) => '['.repeat(n * 100)),
);

async function check(text: string) {
  const res = await post(text);
  expect(res.status, text.slice(0, 200)).toBeLessThan(500);
  if (res.status >= 400) {
    const json = (await res.json()) as { error: { message: string } };
    expect(json.error.message).toMatch(/[\u4e00-\u9fff]/);
  } else {
    const stream = await res.text();
    expect(stream).toContain('"type":"data-answer"');
  }
}

describe('the chat route under random and adversarial bodies', () => {
  it('answers every body with a 4xx and a Chinese message, or a complete stream; never a 5xx', async () => {
    await fc.assert(fc.asyncProperty(raw, check), { numRuns: 2000 });
  }, 240_000);

  it('answers a deeply nested body quickly', async () => {
    const deep = `{"messages":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const started = Date.now();
    await check(deep);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
