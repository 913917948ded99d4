import type { Entry } from '../corpus/schema';
import { lazily } from '../lazily';
import { type AttackModel, attackProbability, DEFAULT_ATTACK_MODEL } from './attack';
import { coverageOf, entryQuestionText, entryText, type IndexedText, indexText } from './coverage';
import { asksOrReports, isForbiddenDemand, isHarmful, isLeftOfAttack, isSmallTalk } from './demand';
import { type DomainModel, domainProbability, domainTexts, fitDomainModel, rescueRefusal } from './domain';
import { mentionsOf, namesElsewhere } from './elsewhere';
import { type CandidateSignals, candidateFeatures, charUnknownShare, clauseCoverageRange, QUERY_FEATURES, queryFeatures, unknownShare } from './features';
import { type Glosses, glossKey } from './glosses';
import { createHomophoneCorrector } from './homophones';
import { createInitialsReader } from './initials';
import { Bm25Index } from './keyword';
import { createLatinSpeller } from './latin-typos';
import { decide, dot, modelFor, type RetrievalModel, softmax } from './model';
import { prepareQuery } from './query';
import type { Scored } from './scored';
import { selectAnswers, selectSuggestions } from './select';
import { createSenseSpace, type SenseLexicon } from './senses';
import { chineseStopwords, type Tokenizer } from './tokenize';
import { createPinyinTransliterator } from './transliterate';
import type { Decision, Hit, RetrievalResult, RetrieveFn, RetrieveOptions } from './types';

/** Searches chunk vectors; returns entry ids with cosine similarity and the chunk's kind, best first, ids may repeat. */
export type VectorSearch = (query: string, k: number) => Promise<{ id: string; similarity: number; kind?: string }[]>;

export interface RetrieverOptions {
  /** The fitted ranker and decision model (default: the profile of lib/retrieval/model.json that fits the corpus). */
  model?: RetrievalModel;
  /** English -> Chinese glosses of the corpus (built at index time). */
  glosses?: Glosses;
  /** Chinese words -> English sense stems (built at index time; lib/retrieval/senses.ts). */
  senses?: SenseLexicon;
  /** How many candidates each search contributes. */
  candidates?: number;
  /** The learned attack model (default: lib/retrieval/attack-model.json, written by `npm run fit:attacks`). */
  attackModel?: AttackModel;
  /**
   * The corpus's domain model (lib/retrieval/domain.ts), or how to get it when first needed (a knowledge base fits it once for all its
   * retrievers, and only when a refusal is read); fitted on the entries, when first needed, when absent.
   */
  domainModel?: DomainModel | (() => DomainModel);
  /** Searches to leave out, for ablations. */
  without?: (
    | 'keyword'
    | 'bigram'
    | 'vector'
    | 'glosses'
    | 'injection'
    | 'homophones'
    | 'spelling'
    | 'pinyin'
    | 'demands'
    | 'attack-model'
    | 'domain'
    | 'senses'
  )[];
}

/** A retriever, plus the scoring behind its decisions (for fitting and explanations). */
export type Retriever = RetrieveFn & {
  score(query: string): Promise<Scored>;
  /** The IDF-weighted share of a question's words a text contains, in the corpus's vocabulary (0..1); null when the question has no content words. */
  coverage(question: string, text: string): number | null;
};

/** BM25 fields of an entry: the question and alternative questions weigh more than the solution. */
export function entryFields(e: Entry): { text: string; weight: number }[] {
  return [
    { text: e.question, weight: 2 },
    { text: e.alternatives.join('\n'), weight: 1.5 },
    { text: e.solution, weight: 1 },
    { text: e.category.name, weight: 0.5 },
  ];
}

/** IDF of a query unit from the keyword index: whole-word postings, else its rarest bigram; lone characters count half. */
function unitIdf(bm25: Bm25Index, unit: string): number {
  const n = bm25.size;
  const chars = [...unit];
  const cjk = /[\u3400-\u9fff]/.test(unit);
  let df: number;
  if (bm25.df.has(unit)) df = bm25.df.get(unit)!;
  else if (chars.length >= 2 && cjk) df = Math.min(...chars.slice(1).map((c, i) => bm25.df.get(`#${chars[i]}${c}`) ?? 0));
  else df = 0;
  const idf = Math.log(1 + n / (df + 0.5));
  return chars.length === 1 && cjk ? idf / 2 : idf;
}

/**
 * Hybrid retrieval with a fitted ranker and a calibrated three-way decision: BM25 over words and
 * bigrams, plain bigram BM25 and vector search propose candidates; a linear model over their
 * signals (relative scores, ranks, coverage) orders them; a logistic model over the query's
 * signals gives the probability that the best entry answers, and the thresholds turn it into
 * answer / hedge / refuse. Pure given its searches, so tests can pass their own.
 *
 * @example
 * const retrieve = createRetriever(entries, vectorSearch, tokenizer, { glosses });
 * const { hits, decision } = await retrieve('挥卡报03');
 */
export function createRetriever(entries: Entry[], vectorSearch: VectorSearch, tokenizer: Tokenizer, opts: RetrieverOptions = {}): Retriever {
  const model = opts.model ?? modelFor(entries);
  const without = new Set(opts.without ?? []);
  const attackModel = without.has('attack-model') ? null : (opts.attackModel ?? DEFAULT_ATTACK_MODEL);
  const given = opts.domainModel;
  const domainModel = without.has('domain') ? null : typeof given === 'function' ? given : lazily(() => given ?? fitDomainModel(domainTexts(entries)));
  const k = opts.candidates ?? 20;
  const keyword = new Bm25Index(entries.map(entryFields), { tokenize: tokenizer.keywordTerms });
  const bigram = new Bm25Index(
    entries.map((e) => [{ text: [e.question, ...e.alternatives, e.solution, e.category.name].join('\n'), weight: 1 }]),
    { tokenize: tokenizer.bigrams },
  );
  const byId = new Map(entries.map((e, i) => [e.id, i]));
  // An entry's own question and its alternative questions, as keys: asked word for word, they are answered by it.
  const verbatim = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const q of [e.question, ...e.alternatives]) {
      const key = verbatimKey(tokenizer.normalize(q));
      if (key !== '' && !verbatim.has(key)) verbatim.set(key, i);
    }
  });
  const texts = entries.map((e) => entryText(e, tokenizer));
  // What each entry says (not its alternative questions), read through its words' senses.
  const senseSpace = createSenseSpace(
    without.has('senses') ? {} : (opts.senses ?? {}),
    entries.map((e) => tokenizer.normalize([e.question, e.solution, e.category.name].join('\n'))),
  );
  const questionTexts = entries.map((e) => entryQuestionText(e, tokenizer));
  const corpusText = texts.join('\n');
  // Coverage asks each candidate's texts (and the corpus) for every unit of the question: indexed once, that is
  // a set lookup per unit. Past INDEXED_TEXTS_MAX entries the memory is not worth it and the texts are scanned.
  const indexed = entries.length <= INDEXED_TEXTS_MAX;
  const searchable = (text: string): string | IndexedText => (indexed ? indexText(text) : text);
  const textsIndexed = texts.map(searchable);
  const questionTextsIndexed = questionTexts.map(searchable);
  const corpusIndexed = searchable(corpusText);
  const corpusChars = new Set(corpusText.match(/[\u3400-\u9fff]/g) ?? []);
  const corpusMentions = mentionsOf(corpusText);
  const charDf = new Map<string, number>();
  for (const t of texts) for (const c of new Set(t.match(/[\u3400-\u9fff]/g) ?? [])) charDf.set(c, (charDf.get(c) ?? 0) + 1);
  const charIdf = (c: string) => Math.log(1 + entries.length / ((charDf.get(c) ?? 0) + 0.5));
  // The keyword index already holds the corpus's words (with their document frequencies): no second segmentation.
  const homophones = without.has('homophones') ? null : createHomophoneCorrector(keyword.df, corpusText, tokenizer.commonWords, chineseStopwords());
  const glosses = without.has('glosses') ? {} : (opts.glosses ?? {});
  // Pinyin initials (zjgk) and pinyin typed for corpus words are read back into them first; then Latin words typed with one slip
  // and homophone typos are corrected.
  const isGlossed = (w: string) => glosses[glossKey(w)] !== undefined;
  const pinyin = without.has('pinyin') ? null : createPinyinTransliterator(keyword.df, isGlossed);
  const initials = without.has('pinyin') ? null : createInitialsReader(keyword.df, isGlossed);
  const latin = without.has('spelling') ? null : createLatinSpeller(keyword.df.keys());
  const correct = [initials?.read, pinyin?.transliterate, latin?.correct, homophones?.correct].filter((f) => f !== undefined);
  const ctx = {
    tokenizer,
    glosses,
    idf: (u: string) => unitIdf(keyword, u),
    keepInjection: without.has('injection'),
    ...(correct.length ? { correct: (text: string) => correct.reduce((t, f) => f(t), text) } : {}),
    // A clause of a longer message that the attack model reads as an attack is set aside like one the patterns recognise.
    ...(attackModel ? { attackClause: (clause: string) => attackProbability(clause, attackModel) >= attackModel.threshold } : {}),
  };
  const maxKeyword = (terms: string[]) => terms.reduce((a, t) => a + (keyword.df.has(t) ? keyword.idf(t) : Math.log(1 + keyword.size)) * 2.2, 0);

  const score = async (query: string): Promise<Scored> => {
    const prepared = prepareQuery(query, ctx);
    if (prepared.units.length === 0) return { prepared, candidates: [], queryFeatures: [] };
    const q = prepared.expanded;
    const terms = tokenizer.keywordTerms(q);
    const kw = without.has('keyword') ? [] : keyword.searchTerms(terms, k);
    const bg = without.has('bigram') ? [] : bigram.search(q, k);
    const vec = without.has('vector') ? [] : await vectorSearch(q, k * 4);
    const signals = new Map<number, CandidateSignals>();
    const at = (i: number) => {
      let s = signals.get(i);
      if (!s)
        signals.set(
          i,
          (s = {
            index: i,
            keyword: 0,
            bigram: 0,
            vector: 0,
            vectorShort: 0,
            keywordRank: -1,
            bigramRank: -1,
            vectorRank: -1,
            coverage: 0,
            questionCoverage: 0,
            senses: 0,
          }),
        );
      return s;
    };
    kw.forEach((h, r) => Object.assign(at(h.index), { keyword: h.score, keywordRank: r }));
    bg.forEach((h, r) => Object.assign(at(h.index), { bigram: h.score, bigramRank: r }));
    let vr = 0;
    for (const v of vec) {
      const i = byId.get(v.id);
      if (i === undefined) continue;
      const s = signals.get(i) ?? (vr < k ? at(i) : undefined);
      if (!s) continue;
      if (s.vectorRank < 0) s.vectorRank = vr++;
      s.vector = Math.max(s.vector, v.similarity);
      if (v.kind === 'question' || v.kind === 'alternative') s.vectorShort = Math.max(s.vectorShort, v.similarity);
    }
    const best = { keyword: kw[0]?.score ?? 0, bigram: bg[0]?.score ?? 0 };
    const senseVector = senseSpace.ofQuestion(tokenizer.normalize(prepared.text));
    const scored = [...signals.values()].map((s) => {
      s.coverage = coverageOf(prepared.units, textsIndexed[s.index]!);
      s.questionCoverage = coverageOf(prepared.units, questionTextsIndexed[s.index]!);
      s.senses = senseSpace.similarity(senseVector, s.index);
      const features = candidateFeatures(s, best);
      return { entry: entries[s.index]!, signals: s, features, score: dot(model.rankerWeights, features), probability: 0 };
    });
    scored.sort((a, b) => b.score - a.score);
    softmax(scored.map((c) => c.score)).forEach((p, i) => (scored[i]!.probability = p));
    const top = scored[0];
    if (!top) return { prepared, candidates: scored, queryFeatures: [] };
    const topText = textsIndexed[top.signals.index]!;
    const clauseRange = prepared.clauseUnits.length
      ? clauseCoverageRange(prepared.clauseUnits, topText)
      : { best: top.signals.coverage, worst: top.signals.coverage };
    const qf = queryFeatures({
      topProbability: top.probability,
      margin: top.score - (scored[1]?.score ?? top.score - 1),
      top: top.signals,
      clauseCoverage: clauseRange.best,
      weakestClauseCoverage: clauseRange.worst,
      unknownShare: unknownShare(prepared.units, corpusIndexed),
      charUnknownShare: charUnknownShare(tokenizer.normalize(prepared.text), charIdf, corpusChars),
      worstClauseUnknown: Math.max(0, ...prepared.clauseUnits.filter((u) => u.length).map((u) => unknownShare(u, corpusIndexed))),
      keywordStrength: Math.min(1, top.signals.keyword / Math.max(maxKeyword(terms), 1e-9)),
      unitCount: prepared.units.length,
      agreement: kw[0]?.index === top.signals.index && signals.get(top.signals.index)?.vectorRank === 0,
    });
    return { prepared, candidates: scored, queryFeatures: qf };
  };

  const retrieve = async (query: string, ro: RetrieveOptions = {}): Promise<RetrievalResult> => {
    const s = await score(query);
    const first = s.queryFeatures.length ? decide(model, s.queryFeatures) : { decision: 'refuse' as Decision, correct: 0, covered: 0 };
    // A question refused just short of the refusal point that reads as the FAQ's own domain and nothing like an attack, or further
    // below it that the domain model is all but sure of, is offered the closest entry instead (lib/retrieval/domain.ts).
    const { domain, rescued } =
      first.decision === 'refuse' && s.queryFeatures.length > 0 && domainModel !== null && attackModel !== null
        ? rescueRefusal(
            { covered: first.covered, refusalPoint: model.thresholds.hedge, asked: s.prepared.asked, screened: s.prepared.screened },
            domainModel(),
            attackModel,
          )
        : { domain: 0, rescued: false };
    // A refusal's domain reading, wherever it falls: the conversation does not vouch for a follow-up plainly off the domain.
    const domainRead =
      first.decision === 'refuse' && domain === 0 && domainModel !== null && s.queryFeatures.length > 0
        ? domainProbability(s.prepared.asked, domainModel())
        : domain;
    const decided = rescued ? { ...first, decision: 'hedge' as Decision } : first;
    // A question asked exactly as the entry that ranks first words it, or as one of its alternative questions (an admin
    // attaching a missed question adds one), is that entry's to answer, whatever the signals say of its words.
    const top = s.candidates[0];
    const exact = top !== undefined && verbatim.get(verbatimKey(tokenizer.normalize(s.prepared.raw))) === top.signals.index;
    const d = exact ? { ...decided, decision: 'answer' as Decision } : decided;
    // A demand for others' data, secrets, an operation or a made-up answer, small talk, what is left of an attack, and a question
    // about a service the FAQ never mentions, are not offered the closest entry (lib/retrieval/demand.ts, elsewhere.ts).
    const raw = s.prepared.raw;
    // What is searched, scored by the learned attack model: an attack no pattern recognised is neither offered the closest entry nor answered.
    const attack = d.decision !== 'refuse' && attackModel !== null ? attackProbability(s.prepared.screened, attackModel) : 0;
    const attacked = attack >= (attackModel?.threshold ?? Number.POSITIVE_INFINITY);
    const demand =
      d.decision === 'hedge' &&
      !without.has('demands') &&
      (isHarmful(s.prepared.asked) ||
        // What was dropped beside a real question, a demand or an attack, is not held against it (lib/retrieval/injection.ts);
        // otherwise the whole message counts.
        isForbiddenDemand(s.prepared.demands > 0 || (s.prepared.dropped > 0 && asksOrReports(s.prepared.asked)) ? s.prepared.asked : raw) ||
        isSmallTalk(raw) ||
        isLeftOfAttack(s.prepared.asked, s.prepared.dropped, s.prepared.demands) ||
        namesElsewhere(raw, corpusMentions) !== undefined);
    // A demand is refused as a hedge; what reads as an attack is refused as a hedge or as a confident answer
    // (「运营平台那页你帮我直接改下,把这个商户AT认证状态改成已认证」).
    const notAsked = demand || attacked;
    const answerIds = notAsked || d.decision === 'refuse' ? [] : selectAnswers(s, (i) => texts[i]!);
    // An entry whose solution is empty answers nothing: the most it can be is the closest entry.
    const empty = d.decision === 'answer' && answerIds.length > 0 && answerIds.every((id) => entries[byId.get(id)!]!.solution.trim() === '');
    const decision = notAsked ? 'refuse' : empty ? 'hedge' : d.decision;
    const p = d.correct;
    const hits: Hit[] = s.candidates.slice(0, Math.max(ro.k ?? 5, 3)).map((c, r) => ({
      id: c.entry.id,
      entry: c.entry,
      rank: r + 1,
      score: round(c.probability),
      scores: { vector: round(Math.max(c.signals.vector, 0)), keyword: round(c.features[0]!), fused: round(c.probability) },
      coverage: round(c.signals.coverage),
    }));
    return {
      query,
      hits: hits.slice(0, ro.k ?? 5),
      decision,
      confidence: round(p),
      thresholds: model.thresholds,
      answerIds,
      // Small talk (「好的谢谢」「ok thanks」) asks nothing: no entry is worth suggesting for it.
      suggestionIds: decision === 'refuse' && isSmallTalk(raw) ? [] : selectSuggestions(s, answerIds, decision),
      // `demand: 1` says a hedge or answer was turned into a refusal by the demand rule or the attack model (`attack`), `emptySolution: 1` an answer into a hedge
      // because the entry has no solution, and `verbatim: 1` a hedge or refusal into an answer because the question is one of
      // the entry's own, so the page and --explain do not contradict the probabilities.
      signals: {
        ...Object.fromEntries(QUERY_FEATURES.map((name, i) => [name, round(s.queryFeatures[i] ?? 0)])),
        covered: round(d.covered),
        ...(notAsked ? { demand: 1 } : {}),
        ...(attack > 0 ? { attack: round(attack) } : {}),
        ...(empty ? { emptySolution: 1 } : {}),
        ...(exact && decided.decision !== 'answer' ? { verbatim: 1 } : {}),
        // `domain`: the domain model's reading of a refused question (near the refusal point it decides the rescue); `rescued: 1`
        // when it is hedged instead.
        ...(domainRead > 0 ? { domain: round(domainRead) } : {}),
        ...(rescued ? { rescued: 1 } : {}),
        // Clauses set aside as addressed to the assistant (attacks, demands, typed citations): the answer says so.
        ...(s.prepared.dropped > 0 ? { setAside: s.prepared.dropped } : {}),
      },
      ...(s.prepared.dropped > 0 ? { asked: s.prepared.asked } : {}),
    };
  };
  const coverage = (question: string, text: string) => {
    const { units } = prepareQuery(question, ctx);
    return units.length ? coverageOf(units, tokenizer.normalize(text)) : null;
  };
  return Object.assign(retrieve, { score, coverage });
}

/** Up to this many entries, their texts are indexed for coverage (about 10 bytes a character of entry text: 7 KB an entry for this FAQ). */
const INDEXED_TEXTS_MAX = 5_000;

/** A question as a lookup key: normalised, without spaces and punctuation. */
function verbatimKey(normalized: string): string {
  return normalized.replace(/[\s\p{P}\p{S}]/gu, '');
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
