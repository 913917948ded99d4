import { describe, expect, it } from 'vitest';
import { cutShortIssue } from './cut-short';

describe('cutShortIssue', () => {
  it('holds a reload that drops a fifth of the entries or more', () => {
    expect(cutShortIssue(112, 68)?.message).toContain('从 112 条减少到 68 条');
    expect(cutShortIssue(112, 89)).not.toBeNull();
  });

  it('lets an ordinary edit through: a few entries removed, or entries added', () => {
    expect(cutShortIssue(112, 100)).toBeNull();
    expect(cutShortIssue(112, 120)).toBeNull();
    expect(cutShortIssue(10, 8)).toBeNull();
  });
});
