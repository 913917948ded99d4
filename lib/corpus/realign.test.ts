import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCorpusTexts } from './check';
import { entryKey } from './entry-key';
import { type GeneratedFile, generatedAlternatives, sourceHash } from './generated';
import { loadCorpus } from './load';
import { parseFaq } from './parse';
import { realignAlternatives } from './realign';
import { parseAlternatives } from './related';
import type { FaqEntry } from './schema';

const root = path.resolve(__dirname, '../..');
const faqText = readFileSync(path.join(root, 'corpus/faq.txt'), 'utf8');
const relatedText = readFileSync(path.join(root, 'corpus/related.json'), 'utf8');
const entries = parseFaq(faqText).entries;
const related = parseAlternatives(relatedText).alternatives;

const num = (id: string) => id.slice(3).split('.').map(Number) as [number, number];
/** The FAQ with one entry deleted and the rest of its category moved up, as an admin renumbers by hand. */
function withDeleted(list: FaqEntry[], id: string): FaqEntry[] {
  const [c, n] = num(id);
  return list.filter((e) => e.id !== id).map((e) => (num(e.id)[0] === c && num(e.id)[1] > n ? { ...e, id: `FAQ${c}.${num(e.id)[1] - 1}` } : e));
}
/** The FAQ with a new entry put in at `id` and the rest of its category moved down. */
function withInserted(list: FaqEntry[], id: string, entry: Pick<FaqEntry, 'question' | 'solution'>): FaqEntry[] {
  const [c, n] = num(id);
  const at = list.findIndex((e) => e.id === id);
  const moved = list.map((e) => (num(e.id)[0] === c && num(e.id)[1] >= n ? { ...e, id: `FAQ${c}.${num(e.id)[1] + 1}` } : e));
  return [...moved.slice(0, at), { ...list[at]!, ...entry, id }, ...moved.slice(at)];
}

describe('realignAlternatives', () => {
  it('leaves the FAQ’s own related-questions file as it is', () => {
    const r = realignAlternatives(entries, related);
    expect(r.moved).toEqual([]);
    expect(r.alternatives).toBe(related);
  });

  it('after an entry is deleted and its category renumbered, hangs each key’s questions on the entry they describe and sets the deleted one’s aside', () => {
    const now = withDeleted(entries, 'FAQ2.3');
    const r = realignAlternatives(now, related);
    expect(r.moved[0]).toEqual({ from: 'FAQ2.3', to: null });
    expect(r.moved.slice(1)).toEqual(
      ['FAQ2.4', 'FAQ2.5', 'FAQ2.6', 'FAQ2.7', 'FAQ2.8', 'FAQ2.9', 'FAQ2.10', 'FAQ2.11', 'FAQ2.12'].map((from) => ({ from, to: `FAQ2.${num(from)[1] - 1}` })),
    );
    // 挥卡报03 is FAQ2.5's (contactless error 03), now FAQ2.4; the deleted entry's questions are nowhere.
    expect(r.alternatives['FAQ2.4']).toContain('挥卡报03');
    expect(Object.values(r.alternatives).flat()).not.toContain(related['FAQ2.3']![0]);
    // Other categories are untouched.
    expect(r.alternatives['FAQ5.1']).toEqual(related['FAQ5.1']);
  });

  it('after any one entry is deleted, renumbered or not, leaves every other entry with its own questions and none of the deleted one’s', () => {
    const wrong: string[] = [];
    for (const gone of entries) {
      const [c, n] = num(gone.id);
      for (const renumbered of [true, false]) {
        const now = renumbered ? withDeleted(entries, gone.id) : entries.filter((e) => e !== gone);
        const r = realignAlternatives(now, related);
        for (const e of entries) {
          if (e === gone) continue;
          const nowId = renumbered && num(e.id)[0] === c && num(e.id)[1] > n ? `FAQ${c}.${num(e.id)[1] - 1}` : e.id;
          const on = r.alternatives[nowId] ?? [];
          // Identical entries (FAQ2.4 and FAQ2.8, FAQ9.8 and FAQ9.13) are one: either's questions are both's.
          const twin = entries.find((t) => t !== e && t.question === e.question && t.solution === e.solution);
          if (!on.includes(related[e.id]![0]!) || (on.includes(related[gone.id]![0]!) && twin !== gone)) wrong.push(`${gone.id}${renumbered ? '' : ' (gap)'}: ${e.id}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('after an entry is put in mid-category, moves the later keys down one', () => {
    const now = withInserted(entries, 'FAQ4.5', { question: '营业执照过期了怎么更新?', solution: '在商户后台上传新的营业执照,审核通过后生效。' });
    const r = realignAlternatives(now, related);
    expect(r.moved[0]).toEqual({ from: 'FAQ4.5', to: 'FAQ4.6' });
    expect(r.moved.every((m) => m.to === `FAQ4.${num(m.from)[1] + 1}`)).toBe(true);
    expect(r.alternatives['FAQ4.5']).toBeUndefined();
  });

  it('keeps a key whose questions read little like its entry where it is when nothing was renumbered', () => {
    const list = [
      { id: 'FAQ1.1', question: '如何重置密码?', solution: '在登录页点击忘记密码,按短信验证码重置。' },
      { id: 'FAQ1.2', question: '发票怎么开?', solution: '在订单页申请电子发票,三个工作日内发到邮箱。' },
    ] as FaqEntry[];
    const alternatives = { 'FAQ1.1': ['forgot password'], 'FAQ1.2': ['开票', '电子发票多久到'] };
    expect(realignAlternatives(list, alternatives).moved).toEqual([]);
    // One word that another entry of the category uses is too little to move a key an FAQ nobody renumbered has (the review).
    expect(realignAlternatives(entries, { 'FAQ5.8': ['appid'], 'FAQ5.10': related['FAQ5.10']! }).moved).toEqual([]);
  });
});

describe('generatedAlternatives', () => {
  it('follows an entry that was renumbered by the text it was generated from, and drops a deleted entry’s', () => {
    const questions = (id: string) => [`${id} 的生成问题`];
    const generated: GeneratedFile = {
      version: 1,
      entries: Object.fromEntries(
        ['FAQ5.10', 'FAQ5.11', 'FAQ5.12'].map((id) => [
          id,
          { source: sourceHash(entries.find((e) => e.id === id)!), model: 'm', prompt: 'p', generatedAt: '2026-12-05', questions: questions(id) },
        ]),
      ),
    };
    const now = withDeleted(entries, 'FAQ5.10');
    const out = generatedAlternatives(generated, now);
    expect(out['FAQ5.10']).toEqual(questions('FAQ5.11'));
    expect(out['FAQ5.11']).toEqual(questions('FAQ5.12'));
    expect(Object.values(out).flat()).not.toContain(questions('FAQ5.10')[0]);
  });
});

describe('a renumbered FAQ read with its old related-questions file', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  /** The real FAQ file with FAQ2.3 cut out and FAQ2.4… renumbered, as an admin edits it. */
  function renumberedText(): string {
    const lines = faqText.split('\n');
    const start = lines.indexOf('FAQ2.3');
    const end = lines.indexOf('FAQ2.4');
    return [...lines.slice(0, start), ...lines.slice(end)]
      .map((l) => (/^FAQ2\.(\d+)$/.test(l) && Number(l.slice(5)) > 3 ? `FAQ2.${Number(l.slice(5)) - 1}` : l))
      .join('\n');
  }

  it('loads the alternatives onto the entries they describe and says which keys moved', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-realign-'));
    dirs.push(dir);
    const corpusFile = path.join(dir, 'faq.txt');
    await writeFile(corpusFile, renumberedText());
    const none = path.join(dir, 'none');
    const contactlessBefore = entries.find((e) => e.id === 'FAQ2.5')!;
    // An admin added a question to FAQ2.5 before the renumbering: it follows the entry too.
    const corpus = await loadCorpus(
      {
        corpusFile,
        relatedFile: path.join(root, 'corpus/related.json'),
        dictionaryFile: none,
        synonymsFile: none,
        thesaurusFile: none,
        generatedFile: none,
      },
      [{ entryId: 'FAQ2.5', entryKey: entryKey(contactlessBefore), question: '碰一下付款不行' }],
    );
    const contactless = corpus.entries.find((e) => e.ids.includes('FAQ2.4'))!;
    expect(contactless.question).toBe(entries.find((e) => e.id === 'FAQ2.5')!.question);
    expect(contactless.alternatives).toContain('挥卡报03');
    expect(contactless.alternatives).toContain('碰一下付款不行');
    const warned = corpus.warnings.filter((w) => w.kind === 'renumbered_related');
    expect(warned.map((w) => w.ids)).toContainEqual(['FAQ2.5', 'FAQ2.4']);
    expect(warned[0]!.message).toContain('已忽略');
  });

  it('is reported by the check at the stale key’s line', () => {
    const files = { corpusFile: 'faq.txt', relatedFile: 'related.json', dictionaryFile: 'd', synonymsFile: 's', thesaurusFile: 't', generatedFile: 'g' };
    const r = checkCorpusTexts({ faq: renumberedText(), related: relatedText, dictionary: null, synonyms: null }, files);
    const line = relatedText.split('\n').findIndex((l) => l.includes('"FAQ2.5"')) + 1;
    expect(r.problems).toContainEqual(expect.objectContaining({ file: 'related.json', severity: 'warning', line, message: expect.stringContaining('与 FAQ2.4 相符') }));
  });
});
