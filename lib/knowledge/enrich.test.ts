import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGenerated } from '../corpus/generated';
import { loadCorpus } from '../corpus/load';
import { createLlmClient } from '../llm/model';
import { TWO_ENTRY_FAQ } from '../testing/fixtures';
import { type MockOpenAI, startMockOpenAI } from '../testing/openai-mock-server';
import { enrichEntries, parseQuestions } from './enrich';

const FAQ = TWO_ENTRY_FAQ;

let dir: string;
let mock: MockOpenAI;
const files = () => ({
  corpusFile: path.join(dir, 'faq.txt'),
  relatedFile: path.join(dir, 'related.json'),
  dictionaryFile: path.join(dir, 'none'),
  synonymsFile: path.join(dir, 'none'),
  thesaurusFile: path.join(dir, 'none'),
  generatedFile: path.join(dir, 'generated.json'),
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-enrich-'));
  await writeFile(path.join(dir, 'faq.txt'), FAQ);
  await writeFile(path.join(dir, 'related.json'), JSON.stringify({ 'FAQ1.2': ['退钱几天到'] }));
  // The scripted model answers with what the entry in the prompt is about, plus one collision with FAQ1.2's hand-kept alternative.
  mock = await startMockOpenAI((req) => {
    const user = String(req.body.messages.at(-1).content);
    return { text: user.includes('挥卡') ? '1. 闪付报03咋办\n2. tap card error 03\n- 退钱几天到\n3. 挥卡不行插卡可以' : '退款几天到账\nrefund how long' };
  });
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

const llm = () => createLlmClient({ model: 'mock-model', apiKey: 'sk-test', baseURL: mock.url, timeoutMs: 3000, maxRetries: 0, temperature: 0.1 });

describe('npm run enrich', () => {
  it('parses numbered, bulleted and quoted lines', () => {
    expect(parseQuestions('1. 第一条问题\n2、第二条问题\n- “第三条问题”\n\n短')).toEqual(['第一条问题', '第二条问题', '第三条问题']);
  });

  it('writes generated questions to their own file, drops collisions, and the corpus picks them up', async () => {
    const corpus = await loadCorpus(files());
    const report = await enrichEntries(corpus.entries, files().generatedFile, llm(), { count: 5 });
    expect(report.generated.sort()).toEqual(['FAQ1.1', 'FAQ1.2']);
    const { generated } = parseGenerated(await readFile(files().generatedFile, 'utf8'));
    expect(generated.entries['FAQ1.1']!.questions).toEqual(['闪付报03咋办', 'tap card error 03', '挥卡不行插卡可以']);
    expect(generated.entries['FAQ1.1']!.prompt).toBe('enrich-v1');
    // The hand-kept file is untouched; the generated questions become alternatives.
    expect(JSON.parse(await readFile(files().relatedFile, 'utf8'))).toEqual({ 'FAQ1.2': ['退钱几天到'] });
    const again = await loadCorpus(files());
    expect(again.entries.find((e) => e.id === 'FAQ1.1')!.alternatives).toContain('tap card error 03');
  });

  it('skips entries already generated, so a reviewer’s deletions stay deleted, and redoes an entry whose text changed', async () => {
    const file = files().generatedFile;
    const { generated } = parseGenerated(await readFile(file, 'utf8'));
    generated.entries['FAQ1.1']!.questions = ['闪付报03咋办'];
    await writeFile(file, JSON.stringify(generated));
    const calls = mock.requests.length;
    const unchanged = await enrichEntries((await loadCorpus(files())).entries, file, llm(), { count: 5 });
    expect(unchanged.generated).toEqual([]);
    expect(mock.requests.length).toBe(calls);
    expect(parseGenerated(await readFile(file, 'utf8')).generated.entries['FAQ1.1']!.questions).toEqual(['闪付报03咋办']);

    await writeFile(files().corpusFile, FAQ.replace('补报双免白名单', '补注册双免白名单'));
    const changed = await enrichEntries((await loadCorpus(files())).entries, file, llm(), { count: 5 });
    expect(changed.generated).toEqual(['FAQ1.1']);
    expect(changed.skipped).toEqual(['FAQ1.2']);
  });
});
