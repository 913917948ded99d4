import { describe, expect, it } from 'vitest';
import { errorText } from './errors';

describe('errorText', () => {
  it('names a common system error beside its code and message', () => {
    expect(errorText(Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' }))).toBe('磁盘已满(ENOSPC):no space left on device, write');
    expect(errorText({ code: 'EROFS' })).toBe('文件系统只读(EROFS)');
  });

  it('says what a thrown value holds that is no Error and has no message, never [object Object]', () => {
    expect(errorText(new Error('password authentication failed'))).toBe('password authentication failed');
    expect(errorText({ errno: 51 })).toBe('{"errno":51}');
    expect(errorText('timeout')).toBe('timeout');
    expect(errorText({})).toBe('未知错误(没有错误信息)');
  });
});
