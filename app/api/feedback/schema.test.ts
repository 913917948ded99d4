import { describe, expect, it } from 'vitest';
import { BadRequestError } from '@/lib/errors';
import { parseFeedback } from './schema';

describe('parseFeedback', () => {
  it('refuses an exchange id with a control character, with a 400 in Chinese', () => {
    expect(() => parseFeedback({ exchangeId: 'ex\u00001', vote: 1 })).toThrow(BadRequestError);
    expect(() => parseFeedback({ exchangeId: 'ex\u00001', vote: 1 })).toThrow(/反馈格式错误/);
  });

  it('keeps a comment as typed text: control characters dropped, empty as none', () => {
    expect(parseFeedback({ exchangeId: 'ex1', vote: -1, reason: 'other', comment: ' 不\u0000对 ' }).feedback).toEqual({
      vote: -1,
      reason: 'other',
      comment: '不对',
    });
    expect(parseFeedback({ exchangeId: 'ex1', vote: -1, comment: '\u0000' }).feedback.comment).toBeNull();
  });
});
