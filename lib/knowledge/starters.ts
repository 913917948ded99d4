import type { KnowledgeBase } from './knowledge-base';

/** What this FAQ's staff ask first (its most common cases), offered on an empty chat. */
export const CURATED_STARTERS: readonly string[] = [
  'POS插卡正常,挥卡报03无效商户怎么办',
  '银行卡退款多久到账',
  '好老板APP忘记登录账号怎么办',
  '新商户交易报96该商户不允许交易',
];
const COUNT = 4;
/** A longer entry question reads as a wall of text on a starter button. */
const MAX_CHARS = 40;
const cache = new WeakMap<KnowledgeBase, Promise<string[]>>();

/**
 * Up to four questions to start a chat with: the curated ones the loaded FAQ answers with confidence, then the first question of
 * each category. Another FAQ loaded in this one's place (CORPUS_FILE) offers its own questions instead of payments questions it
 * would refuse. Computed once per knowledge base.
 */
export function startersFor(kb: KnowledgeBase, curated: readonly string[] = CURATED_STARTERS): Promise<string[]> {
  let starters = cache.get(kb);
  if (!starters) {
    // A failure (the search thread restarting) is not kept: the next page asks again.
    starters = pick(kb, curated).catch((e: unknown) => {
      cache.delete(kb);
      throw e;
    });
    cache.set(kb, starters);
  }
  return starters;
}

async function pick(kb: KnowledgeBase, curated: readonly string[]): Promise<string[]> {
  const answered = await Promise.all(curated.map(async (q) => ((await kb.retrieve(q)).decision === 'answer' ? q : null)));
  const starters = [...new Set(answered.filter((q): q is string => q !== null))];
  const seen = new Set<string>();
  for (const e of kb.entries) {
    if (starters.length >= COUNT) break;
    const question = e.question.split('\n')[0]!.trim();
    if (seen.has(e.category.id) || e.solution.trim() === '' || question === '' || starters.includes(question) || [...question].length > MAX_CHARS) continue;
    seen.add(e.category.id);
    starters.push(question);
  }
  return starters.slice(0, COUNT);
}

/**
 * The starter questions when the knowledge base is ready within `waitMs` (its first load), none otherwise or on a failure: a page
 * shows without them rather than wait.
 */
export function startersWithin(kb: Promise<KnowledgeBase>, waitMs: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), waitMs).unref();
  });
  return Promise.race([kb.then((k) => startersFor(k)), waited])
    .catch(() => [])
    .finally(() => clearTimeout(timer));
}
