import { pinyin } from 'pinyin-pro';
import { rng } from '../random';
import { pinyinOf as toneless } from '../retrieval/pinyin';
import type { EvalCase } from './dataset';

/** Kinds whose questions are plain Chinese staff wording, the ones a typo variant is made from. */
const SOURCE_KINDS = new Set(['paraphrase', 'terse', 'long_context', 'colloquial']);

/** Characters grouped by toneless pinyin: the homophones a hurried typist picks by mistake. */
export function homophoneTable(text: string): Map<string, string[]> {
  const bySound = new Map<string, string[]>();
  for (const ch of new Set(text.match(/[\u4e00-\u9fa5]/g) ?? [])) {
    const p = toneless(ch);
    const list = bySound.get(p) ?? [];
    list.push(ch);
    bySound.set(p, list);
  }
  return bySound;
}

/**
 * The question as a hurried typist might type it: one or two characters replaced by a homophone
 * from `table`, typed as toneless pinyin, or dropped. null when the question has nothing to change.
 *
 * @example
 * typoVariant('退款多久到账', rng(1), homophoneTable('退款多久到账推宽')) // e.g. '推款多久到账'
 */
export function typoVariant(question: string, rand: () => number, table: Map<string, string[]>): string | null {
  const chars = [...question];
  // Each character's reading in context (行 in 银行 is hang), so a homophone is one a typist would pick.
  const readings = pinyin(question, { toneType: 'none', type: 'all' });
  const readingAt = new Map<number, string>();
  let r = 0;
  chars.forEach((c, i) => {
    while (r < readings.length && readings[r]!.origin !== c) r++;
    if (r < readings.length) readingAt.set(i, readings[r++]!.pinyin);
  });
  const positions = chars.map((c, i) => (/[\u4e00-\u9fa5]/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (positions.length < 3) return null;
  const edits = positions.length >= 10 ? 2 : 1;
  let changed = 0;
  for (let attempt = 0; attempt < 10 && changed < edits; attempt++) {
    const i = positions[Math.floor(rand() * positions.length)]!;
    const ch = chars[i]!;
    if (!/[\u4e00-\u9fa5]/.test(ch)) continue;
    const roll = rand();
    if (roll < 0.7) {
      const others = (table.get(readingAt.get(i) ?? toneless(ch)) ?? []).filter((c) => c !== ch);
      if (others.length === 0) continue;
      chars[i] = others[Math.floor(rand() * others.length)]!;
    } else if (roll < 0.85) {
      chars[i] = readingAt.get(i) ?? toneless(ch);
    } else {
      chars[i] = '';
    }
    changed++;
  }
  const out = chars.join('');
  return changed > 0 && out !== question ? out : null;
}

/** Typo variants of a set's plain in-scope questions (kind `typo_synthetic`, with the question they came from), for training only. */
export function typoVariants(cases: EvalCase[], corpusText: string, seed = 7): (EvalCase & { source: string })[] {
  // Seeded, so a fit gives the same variants every run.
  const rand = rng(seed);
  const table = homophoneTable(`${corpusText}\n${cases.map((c) => c.question).join('\n')}`);
  const out: (EvalCase & { source: string })[] = [];
  for (const c of cases) {
    if (!c.expected.length || !SOURCE_KINDS.has(c.kind) || c.history?.length) continue;
    const q = typoVariant(c.question, rand, table);
    if (q) out.push({ question: q, expected: c.expected, kind: 'typo_synthetic', source: c.question });
  }
  return out;
}
