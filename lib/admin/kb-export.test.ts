import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryKey } from '../corpus/entry-key';
import { createStore } from '../store/store';
import { createTestPglite } from '../testing/test-store';
import { exportAlternatives, mergeRelated } from './kb-export';

describe('kb:export', () => {
  it('merges new questions after the existing ones, in id order, and counts them', () => {
    const { merged, added } = mergeRelated({ 'FAQ2.10': ['a'], 'FAQ2.5': ['b', 'c'] }, { 'FAQ2.5': ['c', 'd'], 'FAQ1.1': ['e'] });
    expect(added).toBe(2);
    expect(Object.keys(merged)).toEqual(['FAQ1.1', 'FAQ2.5', 'FAQ2.10']);
    expect(merged['FAQ2.5']).toEqual(['b', 'c', 'd']);
  });

  it('writes the database’s alternatives into the related-questions file, once', async () => {
    const db = await createTestPglite();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-export-'));
    const relatedFile = path.join(dir, 'related.json');
    try {
      await writeFile(relatedFile, JSON.stringify({ 'FAQ2.5': ['挥卡报03'] }));
      const store = createStore(db.config);
      await store.addAlternatives('FAQ2.5', ['闪付不能用']);
      await store.close();
      const corpusFile = path.join(dir, 'missing-faq.txt');
      expect(await exportAlternatives({ store: db.config, relatedFile, corpusFile })).toMatchObject({ added: 1, entries: 1 });
      expect(JSON.parse(await readFile(relatedFile, 'utf8'))).toEqual({ 'FAQ2.5': ['挥卡报03', '闪付不能用'] });
      const before = await readFile(relatedFile, 'utf8');
      expect((await exportAlternatives({ store: db.config, relatedFile, corpusFile })).added).toBe(0);
      expect(await readFile(relatedFile, 'utf8')).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.drop();
    }
  });

  it('writes each alternative under the id its entry has now, after a renumbering', async () => {
    const db = await createTestPglite();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-export-'));
    const relatedFile = path.join(dir, 'related.json');
    const corpusFile = path.join(dir, 'faq.txt');
    const swipe = { question: '挥卡报03无效商户?', solution: '到银联平台补报双免白名单。' };
    try {
      const store = createStore(db.config);
      await store.addAlternatives('FAQ2.2', ['闪付不能用'], entryKey(swipe));
      await store.close();
      // FAQ2.1 deleted since, FAQ2.2 renumbered to FAQ2.1.
      await writeFile(corpusFile, `FAQ2:普通POS类\nFAQ2.1\n问题描述:\n${swipe.question}\n解决方法:\n${swipe.solution}\n`);
      expect(await exportAlternatives({ store: db.config, relatedFile, corpusFile })).toMatchObject({ added: 1 });
      expect(JSON.parse(await readFile(relatedFile, 'utf8'))).toEqual({ 'FAQ2.1': ['闪付不能用'] });
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
