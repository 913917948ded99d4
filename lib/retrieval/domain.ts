import type { Entry } from '../corpus/schema';
import { type AttackModel, attackProbability, ngramProbability } from './attack';
import { fitNgramClassifier, type NgramClassifier } from './attack-fit';
import { isSmallTalk } from './demand';
import offTopic from './off-topic.json';

/**
 * Whether a question is in the loaded FAQ's domain: logistic regression over character 1–3-grams and Latin words (the attack
 * model's features), fitted when the FAQ is loaded, on the FAQ's own texts (entry questions, alternative questions, solution
 * sentences) against off-topic questions of no particular FAQ (lib/retrieval/off-topic.json, from the training and rules sets,
 * written by `npm run fit:attacks`). Any FAQ in the format gets its own; nothing of this FAQ's vocabulary is built in.
 */
export type DomainModel = NgramClassifier;

/** The off-topic questions a domain model is fitted against. */
export const OFF_TOPIC_QUESTIONS: readonly string[] = offTopic;

/** At most this many of a FAQ's texts are fitted on, taken evenly: a 10,000-entry FAQ still fits in under a second. */
const MAX_DOMAIN_TEXTS = 4000;
/** Passes over the data: enough to separate the two, quick enough to fit at every load. */
const DOMAIN_EPOCHS = 10;

/** A FAQ's own texts, as its domain model learns them: questions, alternative questions and solution sentences. Pure. */
export function domainTexts(entries: Entry[]): string[] {
  return entries.flatMap((e) => [e.question, ...e.alternatives, ...e.solution.split(/[。;;\n]/)]).filter((t) => t.trim().length > 3);
}

/** Fits the domain model of a FAQ's texts against off-topic questions. Pure and deterministic. */
export function fitDomainModel(texts: string[], negatives: readonly string[] = OFF_TOPIC_QUESTIONS): DomainModel {
  const step = Math.max(1, Math.ceil(texts.length / MAX_DOMAIN_TEXTS));
  const positives = texts.filter((_, i) => i % step === 0);
  return fitNgramClassifier([...positives.map((text) => ({ text, positive: true })), ...negatives.map((text) => ({ text, positive: false }))], {
    epochs: DOMAIN_EPOCHS,
  });
}

/**
 * Below this, both the FAQ's coverage of a refused question's words and the domain model's reading of them say it is not about
 * the FAQ at all: 「今天天气怎么样」 (0.003 and 0.001), 「帮我写一首诗」 (0.001 and 0.005). A short question the FAQ does cover
 * can read low on a bare FAQ (「批下来要多久?」: 0.016 and 0.018), so the point is set well below it (round 20).
 */
const OFF_DOMAIN = 0.01;

/** Whether a refusal's signals (`domain`, `covered`) say the question is plainly off the FAQ: no entry is worth offering for it. */
export function plainlyOffDomain(signals: { domain?: number | null; covered?: number | null }): boolean {
  const { domain, covered } = signals;
  return domain !== undefined && domain !== null && domain < OFF_DOMAIN && (covered ?? 1) < OFF_DOMAIN;
}

/** Small talk (「谢谢」「你好」), or a refusal's signals plainly off the FAQ: nothing in the FAQ is worth offering for it. */
export function plainlyNotAboutFaq(question: string, signals: { domain?: number | null; covered?: number | null }): boolean {
  return isSmallTalk(question) || plainlyOffDomain(signals);
}

/** P(the question is in the FAQ's domain) under its domain model. Pure. */
export function domainProbability(text: string, model: DomainModel): number {
  return ngramProbability(text, model);
}

/**
 * The rescue of a refusal (README, "What round 13 changed"): how far below the refusal point the FAQ's coverage of a question may
 * be, how surely the domain model must read it as the FAQ's domain, and how little like an attack it must read. Chosen on the
 * training and rules sets, each set's refusals read by domain and attack models fitted without that set.
 */
const RESCUE_MARGIN = 0.1;
const RESCUE_DOMAIN = 0.8;
const RESCUE_MAX_ATTACK = 0.1;
/**
 * Further below the point, down to twice the margin, only a question the domain model is all but sure of (README, "What round 14
 * changed"): on the training and rules sets, read by domain models fitted without each set, this band holds 14 refused in-scope
 * questions (12 with the right entry first), 4 near-domain ones and no off-topic question or attack.
 */
const SURE_MARGIN = 2 * RESCUE_MARGIN;
const SURE_DOMAIN = 0.98;

/**
 * Whether a question the decision refuses is offered the closest entry instead: staff ask in other words than the FAQ's
 * (「扫完没小票」), and such a question falls just short of the refusal point while its language is plainly the
 * FAQ's; further below, only when the domain model is all but sure. `domain` is the domain model's reading (0 when the question is
 * too far below the point to be read). Pure.
 */
export function rescueRefusal(
  q: { covered: number; refusalPoint: number; asked: string; screened: string },
  domainModel: DomainModel,
  attackModel: AttackModel,
): { domain: number; rescued: boolean } {
  if (q.covered < q.refusalPoint - SURE_MARGIN) return { domain: 0, rescued: false };
  const domain = domainProbability(q.asked, domainModel);
  const sure = q.covered >= q.refusalPoint - RESCUE_MARGIN ? RESCUE_DOMAIN : SURE_DOMAIN;
  return { domain, rescued: domain >= sure && attackProbability(q.screened, attackModel) < RESCUE_MAX_ATTACK };
}
