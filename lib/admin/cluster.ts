import { plainlyNotAboutFaq } from '../retrieval/domain';
import { features, type LocalEmbedderState } from '../retrieval/embeddings';
import { askedText } from '../retrieval/query';
import type { Tokenizer } from '../retrieval/tokenize';
import type { MissQuestion } from '../store/types';
import { questionKey } from '../text/question-key';

/** One wording of a missed question and every time it was asked. */
export interface MissWording {
  text: string;
  count: number;
  lastSeen: string;
  exchangeIds: string[];
  /** The entry retrieval ranked first for this wording most often (none for small talk and questions plainly off the FAQ). */
  candidate?: string;
  /**
   * A follow-up fragment (「那退款呢」), every time asked after another question: as it was last searched with that question. Not
   * an alternative question for any entry: attached, every 「那退款呢」 would go there, whatever came before it.
   */
  followUp?: string;
}

/** Missed questions that ask the same thing, as the miss queue shows them. */
export interface MissCluster {
  /** Stable while the cluster's first wording stays its most asked one. */
  key: string;
  /** The most asked wording. */
  label: string;
  count: number;
  lastSeen: string;
  wordings: MissWording[];
  exchangeIds: string[];
  /** How the questions were answered: refused, hedged, or answered and voted 👎. */
  kinds: { refuse: number; hedge: number; down: number };
  /** 👎 reasons and notes given. */
  comments: string[];
  /** Entries retrieval ranked first for these questions, most often first. */
  candidates: { id: string; count: number }[];
  /** Every question of it was marked 「FAQ 确实未覆盖」. */
  uncovered: boolean;
  /** Every question of it was refused as small talk (「你好」) or plainly off the FAQ (「今天天气怎么样」): no entry is offered for it. */
  offDomain: boolean;
}

/**
 * Cosine similarity at or above which a wording joins a cluster. Picked by hand on pairs: rewordings
 * (发票怎么开 / 怎么开发票, 退款多久到账 / 退货钱几天到) score 0.5-0.85, unrelated questions below 0.15.
 */
export const CLUSTER_THRESHOLD = 0.4;

type Vec = Map<string, number>;

/** A wording's unit vector and its most distinctive features (the keys clusters are found by). */
interface Embedded {
  v: Vec;
  keys: string[];
}

/** How many of a wording's heaviest features find its candidate clusters. */
const KEYS = 12;

/** Vectors are cached per tokenizer and text (the IDF comes with the tokenizer's index): the queue is recomputed on every page view. */
const cache = new WeakMap<Tokenizer, Map<string, Embedded>>();
const CACHE_MAX = 50_000;

function embed(text: string, tokenizer: Tokenizer, idf: LocalEmbedderState | undefined): Embedded {
  let byText = cache.get(tokenizer);
  if (!byText) cache.set(tokenizer, (byText = new Map()));
  const hit = byText.get(text);
  if (hit) return hit;
  const v: Vec = new Map();
  let norm = 0;
  for (const [k, w] of features(text, tokenizer)) {
    const x = w * (idf ? (idf.idf[k] ?? idf.maxIdf) : 1);
    v.set(k, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  // Pinyin and single characters are too common to find candidates by; they still count in the similarity.
  const keys = [...v]
    .filter(([k]) => !k.startsWith('p:') && !(k.startsWith('c:') && [...k].length === 3))
    .sort((a, b) => b[1] - a[1])
    .slice(0, KEYS)
    .map(([k]) => k);
  if (byText.size >= CACHE_MAX) byText.clear();
  const out = { v, keys };
  byText.set(text, out);
  return out;
}

function dot(a: Vec, b: Vec): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) s += v * w;
  }
  return s;
}

/**
 * Groups missed questions by meaning: identical wordings first, then leader clustering by
 * cosine over the knowledge base's local embedding features (character n-grams, jieba words,
 * pinyin), weighted by the IDF the local embedder was fitted with on the FAQ (`opts.idf`).
 * A wording joins the most similar cluster that shares one of its most distinctive features
 * and is at least `threshold` similar; otherwise it starts one. Largest clusters first, then
 * the most recently seen.
 */
export function clusterMisses(misses: MissQuestion[], tokenizer: Tokenizer, opts: { idf?: LocalEmbedderState; threshold?: number } = {}): MissCluster[] {
  const threshold = opts.threshold ?? CLUSTER_THRESHOLD;
  const byKey = new Map<string, { text: string; rows: MissQuestion[] }>();
  for (const m of misses) {
    const key = questionKey(m.question) || m.question;
    const g = byKey.get(key);
    if (g) g.rows.push(m);
    else byKey.set(key, { text: m.question, rows: [m] });
  }
  const groups = [...byKey.values()].sort((a, b) => b.rows.length - a.rows.length || (latest(b.rows) > latest(a.rows) ? 1 : -1));
  // What is asked, without its frame (「,客户在催」「[捂脸]」「在线等」「谁能帮忙看下」): wordings that share only their frame are not one question.
  const embedded = groups.map((g) => embed(askedText(g.text) || g.text, tokenizer, opts.idf));

  const postings = new Map<string, number[]>();
  const leaders: number[] = [];
  const members: number[][] = [];
  embedded.forEach((e, i) => {
    const seen = new Set<number>();
    let best = -1;
    let bestSim = threshold;
    for (const k of e.keys) {
      for (const c of postings.get(k) ?? []) {
        if (seen.has(c)) continue;
        seen.add(c);
        const sim = dot(e.v, embedded[leaders[c]!]!.v);
        if (sim >= bestSim) [best, bestSim] = [c, sim];
      }
    }
    if (best >= 0) return void members[best]!.push(i);
    const c = leaders.push(i) - 1;
    members.push([i]);
    for (const k of e.keys) (postings.get(k) ?? postings.set(k, []).get(k)!).push(c);
  });

  return members.map((ids) => toCluster(ids.map((i) => groups[i]!))).sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

function latest(rows: MissQuestion[]): string {
  // biome-ignore lint/complexity/useMathMinMax: ISO timestamps compared as strings.
  return rows.reduce((m, r) => (r.createdAt > m ? r.createdAt : m), '');
}

/** Small talk and questions refused as plainly off the FAQ: no entry is offered for them. */
const offDomain = (r: MissQuestion) => r.decision === 'refuse' && plainlyNotAboutFaq(r.question, r.scope ?? {});

/** The entries retrieval ranked first for these questions (not for those off the FAQ), most often first. */
function candidatesOf(rows: MissQuestion[]): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const top = offDomain(r) ? undefined : r.candidates[0];
    if (top) counts.set(top.id, (counts.get(top.id) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}

function toCluster(groups: { text: string; rows: MissQuestion[] }[]): MissCluster {
  const rows = groups.flatMap((g) => g.rows);
  const wordings = groups.map((g) => {
    const candidate = candidatesOf(g.rows)[0]?.id;
    const followUp = g.rows.every((r) => r.searched) ? g.rows.reduce((a, r) => (r.createdAt > a.createdAt ? r : a)).searched : undefined;
    return {
      text: g.text,
      count: g.rows.length,
      lastSeen: latest(g.rows),
      exchangeIds: g.rows.map((r) => r.exchangeId),
      ...(candidate ? { candidate } : {}),
      ...(followUp ? { followUp } : {}),
    };
  });
  return {
    key: rows[0]!.exchangeId,
    label: groups[0]!.text,
    count: rows.length,
    lastSeen: latest(rows),
    wordings,
    exchangeIds: rows.map((r) => r.exchangeId),
    kinds: {
      refuse: rows.filter((r) => r.decision === 'refuse').length,
      hedge: rows.filter((r) => r.decision === 'hedge').length,
      down: rows.filter((r) => r.vote === -1).length,
    },
    comments: rows.flatMap((r) => (r.comment ? [r.comment] : [])).slice(0, 10),
    candidates: candidatesOf(rows),
    uncovered: rows.every((r) => r.resolution === 'uncovered'),
    offDomain: rows.every(offDomain),
  };
}
