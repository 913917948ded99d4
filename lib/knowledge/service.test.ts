import { readFileSync } from 'node:fs';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppConfig, parseConfig } from '../config';
import { type AddedAlternative, entryKey } from '../corpus/entry-key';
import { corpusFileList, loadCorpus } from '../corpus/load';
import { parseFaq } from '../corpus/parse';
import type { AlternativesMap } from '../corpus/related';
import { IndexError } from '../errors';
import { copyCorpus } from '../testing/corpus-copy';
import { createBuildJob } from './build-job';
import { buildCorpusIndex, ingest } from './ingest';
import { createKnowledgeService, type KnowledgeService } from './service';

const root = path.resolve(import.meta.dirname, '../..');
/** The entry of an FAQ text with this id, as parsed. */
const parseFaqEntry = (text: string, id: string) => parseFaq(text).entries.find((e) => e.id === id)!;
/** A valid entry to append: FAQ9.<n>, numbered after the last one of the real FAQ (9.15). */
const entry = (n: number) => `\nFAQ9.${n}\n问题描述:\n测试新增条目 ${n}:收款音箱不响怎么办?\n解决方法:\n重启收款音箱(${n})。\n`;
let dir: string;
let config: AppConfig;
let service: KnowledgeService;
const logs: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-service-'));
  config = parseConfig((await copyCorpus(dir)).env, root);
  logs.length = 0;
  // Built on this thread (faster to start); the worker-thread default is used by the watching tests and the e2e tests.
  service = createKnowledgeService(config, { build: buildCorpusIndex, log: (level, message) => logs.push(`${level}: ${message}`) });
});
afterEach(async () => {
  service.close();
  await rm(dir, { recursive: true, force: true });
});

/** The FAQ with its first `解决方法:` line deleted: FAQ1.1 (line 2) has no solution. */
const brokenFaq = () => readFileSync(config.corpusFile, 'utf8').replace(/\n解决方法:\n/, '\n');
/** Version directories beside the `index` link. */
const versions = async () => (await readdir(dir)).filter((n) => n.startsWith('index.'));
const until = async (check: () => boolean, ms = 10_000) => {
  for (const started = Date.now(); !check(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - started > ms) throw new Error('timed out');
  }
};

describe('another FAQ put in place of this one, its companion files left', () => {
  it('is served without this FAQ’s alternative questions, and the operator is told why', async () => {
    await writeFile(config.corpusFile, readFileSync(path.join(root, 'lib/corpus/__fixtures__/hr-faq.txt'), 'utf8'));
    const kb = await service.get();
    expect(kb.entries.map((e) => e.alternatives.length)).toEqual(Array(8).fill(0));
    expect(logs).toContainEqual(expect.stringMatching(/^error: related\.json:相似问题文件与当前 FAQ 不匹配.*另一份 FAQ/));
    expect(service.status()).toMatchObject({ state: 'ok', notice: expect.stringContaining('已整体忽略') });
    // An alternative question of this FAQ's FAQ1.1 no longer leads to the HR FAQ's FAQ1.1 (年假).
    expect((await kb.retrieve('调接口返回不允许提交商户XXXX的请求是什么原因')).decision).not.toBe('answer');
  });
});

describe('an answer emptied by mistake', () => {
  it('is held like a malformed edit: the last good answer keeps serving, the admin is told which entry, until it is back', async () => {
    const good = await service.get();
    const original = await readFile(config.corpusFile, 'utf8');
    const at = original.indexOf('FAQ2.5\n');
    const solutionStart = original.indexOf('解决方法:\n', at) + '解决方法:\n'.length;
    await writeFile(config.corpusFile, original.slice(0, solutionStart) + original.slice(original.indexOf('\n', solutionStart) + 1));
    await service.refresh();
    expect(service.status()).toMatchObject({ state: 'degraded', error: { code: 'corpus_invalid' } });
    expect(service.status().error!.message).toContain('FAQ2.5 的解决方法被清空了');
    expect(await service.get()).toBe(good);
    expect(good.getEntry('FAQ2.5')!.solution).not.toBe('');
    // Cut short as well: both are said, in one message.
    const emptied = await readFile(config.corpusFile, 'utf8');
    await writeFile(config.corpusFile, emptied.slice(0, emptied.indexOf('\nFAQ6:')));
    await service.refresh();
    expect(service.status().error!.message).toMatch(/FAQ 条目从 112 条减少到 \d+ 条[\s\S]*FAQ2\.5 的解决方法被清空了/);
    await writeFile(config.corpusFile, original);
    await service.refresh();
    expect(service.status().state).toBe('ok');
  });
});

describe('entries renumbered under a running server', () => {
  /** FAQ9.4 deleted, FAQ9.5 … FAQ9.15 renumbered one down (FAQ9.15, the exit IP, has no answer). */
  const renumber = (original: string) => {
    const start = original.indexOf('FAQ9.4\n');
    const end = original.indexOf('FAQ9.5\n');
    return (original.slice(0, start) + original.slice(end)).replace(/^FAQ9\.(\d+)$/gm, (line, n: string) => (Number(n) >= 5 ? `FAQ9.${Number(n) - 1}` : line));
  };

  it('takes the edit (the unanswered entry moved is not 「被清空」), hangs related.json’s questions on the entries they describe and says so', async () => {
    const before = await service.get();
    const original = await readFile(config.corpusFile, 'utf8');
    await writeFile(config.corpusFile, renumber(original));
    await service.refresh();
    expect(service.status()).toMatchObject({
      state: 'ok',
      notice: expect.stringContaining('related.json 仍按旧编号(FAQ9.4→已忽略、FAQ9.5→FAQ9.4、FAQ9.6→FAQ9.5 等 12 处),已按内容对应到现在的条目'),
    });
    // No alternatives were added in the admin pages: nothing else to say.
    expect(service.status().notice).not.toContain('条目编号有变动');
    const kb = await service.get();
    expect(kb.getEntry('FAQ9.14')!.solution).toBe('');
    // The entry now FAQ9.4 (activities signed up for, FAQ9.5 before) has its own alternatives, not the deleted broadcast entry's.
    expect(kb.getEntry('FAQ9.4')!.alternatives).toEqual(before.getEntry('FAQ9.5')!.alternatives);
  });

  it('moves the admin’s alternatives with their entry, and names only the rows without an entry key (before round 26)', async () => {
    service.close();
    const subsidy = parseFaqEntry(await readFile(config.corpusFile, 'utf8'), 'FAQ9.6');
    const rows: AddedAlternative[] = [
      { entryId: 'FAQ9.6', entryKey: entryKey(subsidy), question: '补贴什么时候到' },
      { entryId: 'FAQ9.7', entryKey: null, question: '公众号不推送了' },
    ];
    service = createKnowledgeService(config, { build: buildCorpusIndex, extraAlternatives: async () => rows, log: () => {} });
    await service.get();
    await writeFile(config.corpusFile, renumber(await readFile(config.corpusFile, 'utf8')));
    await service.refresh();
    const kb = await service.get();
    // The keyed row followed FAQ9.6 to FAQ9.5; the keyless one stayed on FAQ9.7, and only it is named.
    expect(kb.getEntry('FAQ9.5')!.question).toBe(subsidy.question);
    expect(kb.getEntry('FAQ9.5')!.alternatives).toContain('补贴什么时候到');
    expect(kb.getEntry('FAQ9.7')!.alternatives).toContain('公众号不推送了');
    expect(service.status().notice).toContain('条目编号有变动(FAQ9.7→FAQ9.6)');
  });

  it('tells the admin when alternatives added in the admin pages without an entry key (before round 26) hang on ids that moved', async () => {
    service.close();
    const added: AlternativesMap = { 'FAQ9.6': ['补贴什么时候到'] };
    service = createKnowledgeService(config, { build: buildCorpusIndex, extraAlternatives: async () => added, log: () => {} });
    await service.get();
    await writeFile(config.corpusFile, renumber(await readFile(config.corpusFile, 'utf8')));
    await service.refresh();
    expect(service.status().notice).toContain('条目编号有变动(FAQ9.6→FAQ9.5):较早在后台添加的部分相似问题(未记录条目内容)仍按原编号挂在条目上');
  });
});

describe('a malformed edit', () => {
  it('keeps the last good knowledge base serving and says what is wrong, with the line, until the file is fixed', async () => {
    const good = await service.get();
    const original = await readFile(config.corpusFile, 'utf8');
    await writeFile(config.corpusFile, brokenFaq());
    await service.refresh();
    const status = service.status();
    expect(status.state).toBe('degraded');
    expect(status.error).toMatchObject({ code: 'corpus_invalid', file: 'faq.txt', issues: [{ line: 2 }] });
    expect(status.error!.message).toContain('第 2 行');
    expect(status.error!.message).not.toContain(dir);
    expect(Date.parse(status.since!)).toBeLessThanOrEqual(Date.now());
    expect(await service.get()).toBe(good);
    expect((await good.retrieve('挥卡报03')).hits[0]!.id).toBe('FAQ2.5');
    expect(logs.some((l) => l.startsWith('error:'))).toBe(true);

    // Still broken a moment later: the problem is as old as the first sighting.
    await service.refresh();
    expect(service.status().since).toBe(status.since);

    await writeFile(config.corpusFile, original);
    await service.refresh();
    expect(service.status()).toMatchObject({ state: 'ok', error: undefined, since: undefined });
    expect(await service.get()).toBe(good);
  });

  it('keeps serving when the related-questions file is truncated', async () => {
    const good = await service.get();
    const text = await readFile(config.relatedFile, 'utf8');
    await writeFile(config.relatedFile, text.slice(0, Math.floor(text.length / 2)));
    await service.refresh();
    expect(service.status()).toMatchObject({ state: 'degraded', error: { code: 'corpus_invalid', file: 'related.json' } });
    expect(await service.get()).toBe(good);
  });

  it('holds an FAQ whose copy stopped part-way through an answer near the end, fewer than a fifth of the entries gone', async () => {
    const good = await service.get();
    const original = await readFile(config.corpusFile, 'utf8');
    await writeFile(config.corpusFile, original.slice(0, original.indexOf('开启【实时监控防漏单】') + '开启【实时'.length));
    await service.refresh();
    expect(service.status()).toMatchObject({ state: 'degraded', error: { code: 'corpus_invalid', file: 'faq.txt' } });
    expect(service.status().error!.message).toMatch(/FAQ9\.4 的解决方法在中途被截断,其后的 \d+ 个条目也不见了/);
    expect(await service.get()).toBe(good);
    await writeFile(config.corpusFile, original);
    await service.refresh();
    expect(service.status().state).toBe('ok');
  });

  it('holds an FAQ cut exactly between two entries near its end, the entries left unchanged, and says it is held, not unreadable', async () => {
    const good = await service.get();
    const original = await readFile(config.corpusFile, 'utf8');
    await writeFile(config.corpusFile, original.slice(0, original.indexOf('\nFAQ9.5\n') + 1));
    await service.refresh();
    expect(service.status()).toMatchObject({ state: 'degraded', error: { code: 'corpus_invalid', file: 'faq.txt' } });
    expect(service.status().error!.message).toMatch(/faq\.txt 格式有误:\n {2}FAQ 文件末尾的 \d+ 个条目\(从 FAQ9\.5 起\)不见了/);
    expect(await service.get()).toBe(good);
    await writeFile(config.corpusFile, original);
    await service.refresh();
    expect(service.status().state).toBe('ok');
  });

  it('holds an FAQ cut short (a copy stopped part-way) and keeps serving every entry, saying how many would go', async () => {
    const good = await service.get();
    const original = await readFile(config.corpusFile, 'utf8');
    await writeFile(config.corpusFile, original.slice(0, original.indexOf('\nFAQ5:')));
    await service.refresh();
    expect(service.status()).toMatchObject({ state: 'degraded', error: { code: 'corpus_invalid', file: 'faq.txt' } });
    expect(service.status().error!.message).toMatch(/FAQ 条目从 112 条减少到 \d+ 条/);
    expect(await service.get()).toBe(good);
    expect((await good.retrieve('好老板账号忘了')).hits[0]!.id).toBe('FAQ9.9');

    // Removing a couple of entries is an ordinary edit.
    await writeFile(config.corpusFile, original.replace(/\nFAQ9\.14\n[\s\S]*?(?=\nFAQ9\.15\n)/, ''));
    await service.refresh();
    expect(service.status().state).toBe('ok');
  });

  it('serves the index of the last good FAQ after a restart with a broken file', async () => {
    await ingest(config);
    await writeFile(config.corpusFile, brokenFaq());
    const kb = await service.get();
    expect(kb.getEntry('FAQ2.5')).toBeDefined();
    expect(service.status()).toMatchObject({ state: 'degraded', error: { issues: [{ line: 2 }] } });
  });

  it('says what to do when there is nothing to serve', async () => {
    await writeFile(config.corpusFile, brokenFaq());
    const e = await service.get().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(IndexError);
    expect((e as IndexError).message).toContain('FAQ 文件格式有误');
    expect(service.status().state).toBe('unavailable');
  });

  it('says a missing FAQ file cannot be read, not that its format is wrong', async () => {
    await rm(config.corpusFile);
    const e = await service.get().catch((err: unknown) => err);
    expect((e as IndexError).message).toContain('FAQ 文件无法读取');
    expect(service.status().error).toMatchObject({ unreadable: true, message: expect.stringContaining('无法读取') });
  });
});

describe('rebuilds', () => {
  it('runs one rebuild for many refreshes at once, and keeps only the current and previous versions', async () => {
    await service.get();
    const before = service.status().rebuilds;
    await appendFile(config.corpusFile, entry(20));
    await Promise.all(Array.from({ length: 8 }, () => service.refresh()));
    expect(service.status().rebuilds).toBe(before + 1);
    expect((await service.get()).getEntry('FAQ9.20')?.solution).toBe('重启收款音箱(20)。');
    expect(await versions()).toHaveLength(2); // the current version and the previous one
    await appendFile(config.corpusFile, entry(21));
    await service.refresh();
    await appendFile(config.corpusFile, entry(22));
    await service.refresh();
    expect(service.status().rebuilds).toBe(before + 3);
    expect(await versions()).toHaveLength(2);
  });

  it('refreshes again once when files change during a rebuild', async () => {
    await service.get();
    const before = service.status().rebuilds;
    await appendFile(config.corpusFile, entry(20));
    const first = service.refresh();
    await appendFile(config.corpusFile, entry(21));
    // Both join the run in progress and its one follow-up, which sees the second edit.
    await Promise.all([first, service.refresh(), service.refresh()]);
    expect((await service.get()).getEntry('FAQ9.21')).toBeDefined();
    expect(service.status().rebuilds - before).toBeGreaterThanOrEqual(1);
    expect(service.status().rebuilds - before).toBeLessThanOrEqual(2);
  });

  it('does not rebuild when nothing changed', async () => {
    await service.get();
    const before = service.status().rebuilds;
    await service.refresh();
    expect(service.status().rebuilds).toBe(before);
  });
});

describe('watching', () => {
  it('watches every file the index is built from', async () => {
    const base = (await loadCorpus(config)).inputsSha256;
    expect(corpusFileList(config).sort()).toEqual(
      [config.corpusFile, config.relatedFile, config.dictionaryFile, config.synonymsFile, config.thesaurusFile, config.generatedFile].sort(),
    );
    // The generated file is optional and absent from the copy: give it one entry, so it can be edited like the others.
    await writeFile(config.generatedFile, JSON.stringify({ version: 1, entries: {} }));
    for (const file of corpusFileList(config)) {
      const original = await readFile(file, 'utf8');
      const edited =
        file === config.generatedFile
          ? JSON.stringify({ version: 1, entries: { 'FAQ1.1': { source: 'x', model: 'm', prompt: 'p', generatedAt: 't', questions: ['新增说法'] } } })
          : file.endsWith('.json')
            ? original.replace(/\]\s*\}\s*$/, ', "新增说法"]}')
            : `${original}\n新增一行 新增说法\n`;
      await writeFile(file, edited);
      expect((await loadCorpus(config)).inputsSha256, file).not.toBe(base);
      await writeFile(file, original);
    }
  });

  it('picks up an edit to the synonyms file after it has settled, building in a worker thread', async () => {
    service.close();
    service = createKnowledgeService(config, { log: (level, message) => logs.push(`${level}: ${message}`) });
    const before = await service.get();
    expect(before.tokenizer.normalize('呼啦卡')).not.toContain('挥卡');
    const rebuilds = service.status().rebuilds;
    service.watch(100);
    await appendFile(config.synonymsFile, '\n挥卡 呼啦卡\n');
    await until(() => service.status().rebuilds > rebuilds);
    const after = await service.get();
    expect(after.tokenizer.normalize('呼啦卡')).toContain('挥卡');
    expect((await after.retrieve('POS呼啦卡报03')).hits[0]!.id).toBe('FAQ2.5');
  });

  it('adds an alternative question from the database to the index without building it again', async () => {
    service.close();
    const extra: AlternativesMap = {};
    // The build a server's worker threads run (build-job.ts), here on this thread; e2e/store.e2e.test.ts runs it in the server.
    const build = createBuildJob();
    service = createKnowledgeService(config, { build, extraAlternatives: async () => extra, log: (level, message) => logs.push(`${level}: ${message}`) });
    expect((await (await service.get()).retrieve('蓝色小鸟飞不动了')).hits[0]?.id).not.toBe('FAQ2.5');
    extra['FAQ2.5'] = ['蓝色小鸟飞不动了'];
    await service.refresh();
    expect(logs.at(-1)).toMatch(/^info: 索引已追加 1 个检索块/);
    expect((await (await service.get()).retrieve('蓝色小鸟飞不动了')).hits[0]!.id).toBe('FAQ2.5');
  });

  it('picks up a malformed edit and its fix by itself', async () => {
    await service.get();
    const original = await readFile(config.corpusFile, 'utf8');
    service.watch(100);
    await writeFile(config.corpusFile, brokenFaq());
    await until(() => service.status().state === 'degraded');
    await writeFile(config.corpusFile, original);
    await until(() => service.status().state === 'ok');
  });
});
