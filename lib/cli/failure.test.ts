import { describe, expect, it } from 'vitest';
import { debugFromEnv } from '../config';
import { CorpusError, IndexError } from '../errors';
import { describeFailure } from './failure';

describe('describeFailure', () => {
  it('prints a typed error as its Chinese message, without a stack', () => {
    const e = new IndexError('index_missing', '索引不存在,请先运行 npm run ingest');
    expect(describeFailure(e, false)).toBe('错误:索引不存在,请先运行 npm run ingest');
  });

  it('keeps a corpus error’s line-numbered list', () => {
    const e = new CorpusError([{ line: 3, message: 'FAQ1.1 缺少“解决方法:”' }], 'faq.txt');
    expect(describeFailure(e, false)).toBe('错误:faq.txt 格式有误:\n  第 3 行:FAQ1.1 缺少“解决方法:”');
  });

  it('shows a bug as one line with a hint, and the stack only when verbose', () => {
    const e = new TypeError('x is not a function');
    expect(describeFailure(e, false)).toBe('错误:TypeError: x is not a function(加 --verbose 或设置 DEBUG=1 查看详情)');
    expect(describeFailure(e, true)).toMatch(/^错误:TypeError: x is not a function\n\s+at /);
  });

  it('names a missing file', () => {
    const e = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: 'a.json' });
    expect(describeFailure(e, false)).toBe('错误:找不到文件 a.json');
  });
});

describe('debugFromEnv', () => {
  it('is on for any value but empty, 0, false, off and no', () => {
    expect(debugFromEnv({ DEBUG: '1' })).toBe(true);
    expect(debugFromEnv({ DEBUG: 'faq:*' })).toBe(true);
    for (const v of [undefined, '', '0', 'false', 'OFF', 'no']) expect(debugFromEnv({ DEBUG: v }), String(v)).toBe(false);
  });
});
