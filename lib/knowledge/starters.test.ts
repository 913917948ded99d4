import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRuntime } from '../testing/temp-kb';
import { CURATED_STARTERS, startersFor, startersWithin } from './starters';

const root = path.resolve(import.meta.dirname, '../..');
let faq: Awaited<ReturnType<typeof tempRuntime>>;
let other: Awaited<ReturnType<typeof tempRuntime>>;
beforeAll(async () => {
  faq = await tempRuntime({ ANSWER_MODE: 'offline' });
  other = await tempRuntime({ ANSWER_MODE: 'offline', CORPUS_FILE: path.join(root, 'lib/corpus/__fixtures__/hr-faq.txt') });
}, 120_000);
afterAll(async () => {
  await faq?.cleanup();
  await other?.cleanup();
});

describe('startersFor', () => {
  it('offers the curated questions this FAQ answers', async () => {
    expect(await startersFor(faq.kb)).toEqual([...CURATED_STARTERS]);
    expect(await startersFor(faq.kb)).toBe(await startersFor(faq.kb));
  });

  it('offers another FAQ’s own questions, one per category, instead of payments questions it would refuse', async () => {
    expect(await startersFor(other.kb)).toEqual(['年假怎么申请?每年有几天?', '工资条在哪里查看?', '新员工入职需要带什么材料?']);
  });
});

describe('startersWithin', () => {
  it('gives the starters of a knowledge base ready in time, none of one still loading or failing (the page does not wait)', async () => {
    expect((await startersWithin(Promise.resolve(other.kb), 1_000))[0]).toBe('年假怎么申请?每年有几天?');
    expect(await startersWithin(new Promise(() => {}), 20)).toEqual([]);
    expect(await startersWithin(Promise.reject(new Error('索引损坏')), 1_000)).toEqual([]);
  });
});
