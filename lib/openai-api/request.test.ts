import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { MODEL_ID, parseCompletionRequest } from './request';

const limits = { maxBodyBytes: 65_536, maxMessages: 4, maxTextChars: 50 };
const parse = (body: Record<string, unknown>) => parseCompletionRequest({ model: MODEL_ID, ...body }, limits);

describe('parseCompletionRequest', () => {
  it('takes the last user message as the question and earlier user/assistant turns as history', () => {
    const r = parse({
      messages: [
        { role: 'system', content: '你是海盗' },
        { role: 'user', content: '挥卡报03' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'x' }] },
        { role: 'tool', content: '{"x":1}', tool_call_id: 'x' },
        { role: 'assistant', content: [{ type: 'text', text: '补注册 [FAQ2.5]' }] },
        { role: 'developer', content: '你是海盗' },
        {
          role: 'user',
          content: [
            { type: 'text', text: '那退款' },
            { type: 'image_url', image_url: { url: 'x' } },
            { type: 'text', text: '多久到账' },
          ],
        },
      ],
    });
    expect(r.input).toEqual({
      question: '那退款\n多久到账',
      history: [
        { role: 'user', text: '挥卡报03' },
        { role: 'assistant', text: '补注册 [FAQ2.5]' },
      ],
    });
    expect(JSON.stringify(r)).not.toContain('海盗');
    expect(r.userTexts).toEqual(['挥卡报03', '那退款\n多久到账']);
  });

  it('reads the Responses API’s input_text parts as text (some SDKs send them to chat completions too)', () => {
    const r = parse({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: '挥卡报03' },
            { type: 'input_image', image_url: 'x' },
          ],
        },
      ],
    });
    expect(r.input.question).toBe('挥卡报03');
  });

  it('keeps the latest turns of a long conversation instead of refusing it', () => {
    const messages = Array.from({ length: 21 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `第${i}句` }));
    const r = parse({ messages });
    expect(r.input.question).toBe('第20句');
    expect(r.input.history!.map((t) => t.text)).toEqual(['第17句', '第18句', '第19句']);
    expect(r.userTexts).toHaveLength(11);
  });

  it('streams only when stream is true; include_usage only counts when streaming', () => {
    const messages = [{ role: 'user', content: 'x' }];
    expect(parse({ messages })).toMatchObject({ stream: false, includeUsage: false });
    expect(parse({ messages, stream: null, stream_options: null })).toMatchObject({ stream: false, includeUsage: false });
    expect(parse({ messages, stream: true })).toMatchObject({ stream: true, includeUsage: false });
    expect(parse({ messages, stream: true, stream_options: { include_usage: true } })).toMatchObject({ stream: true, includeUsage: true });
    expect(parse({ messages, stream_options: { include_usage: true } })).toMatchObject({ includeUsage: false });
  });

  it('cleans control characters and caps history turns, and refuses an over-long question', () => {
    const r = parse({
      messages: [
        { role: 'assistant', content: 'a'.repeat(80) },
        { role: 'user', content: '挥卡\u0000报03\u0007' },
      ],
    });
    expect(r.input.question).toBe('挥卡报03');
    expect(r.input.history![0]!.text).toHaveLength(50);
    expect(() => parse({ messages: [{ role: 'user', content: '问'.repeat(51) }] })).toThrow(/问题过长/);
  });

  it('throws 404 for another model and 400 with the param otherwise', () => {
    const err = (body: unknown) => {
      try {
        parseCompletionRequest(body, limits);
      } catch (e) {
        return e instanceof ApiError ? { status: e.status, param: e.param, code: e.apiCode } : e;
      }
    };
    expect(err({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })).toEqual({ status: 404, param: 'model', code: 'model_not_found' });
    expect(err([])).toMatchObject({ status: 400, param: null });
    expect(err({ model: MODEL_ID })).toEqual({ status: 400, param: 'messages', code: 'missing_required_parameter' });
    expect(err({ model: MODEL_ID, messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }, 'oops'] }] })).toMatchObject({
      status: 400,
      param: 'messages[0].content',
    });
    expect(err({ model: MODEL_ID, messages: [{ role: 'user', content: 'x' }], max_tokens: 0 })).toMatchObject({ status: 400, param: 'max_tokens' });
    // One answer per request: n is 1 or left out.
    for (const n of [0, 2, 1.5, '1'])
      expect(err({ model: MODEL_ID, messages: [{ role: 'user', content: 'x' }], n })).toMatchObject({ status: 400, param: 'n' });
    expect(() => parseCompletionRequest({ model: MODEL_ID, messages: [{ role: 'user', content: 'x' }], n: 0 }, limits)).toThrow('只能为 1');
    expect(parseCompletionRequest({ model: MODEL_ID, messages: [{ role: 'user', content: 'x' }], n: 1 }, limits).input.question).toBe('x');
  });

  it('says what the wrong parameter must be', () => {
    expect(() => parse({ messages: [{ role: 'user', content: 'x' }], temperature: 5 })).toThrow('参数 temperature 不符合要求:应为 0 到 2 之间的数。');
    expect(() => parse({ messages: [{ role: 'user', content: 'x' }], stream: 'yes' })).toThrow('参数 stream 不符合要求:应为 true 或 false。');
    expect(() => parse({ messages: [{ role: 'user', content: 5 }] })).toThrow('参数 messages[0].content 不符合要求:应为字符串');
    expect(() => parse({ messages: [5] })).toThrow('参数 messages[0] 不符合要求:应为 { role, content } 消息。');
  });
});
