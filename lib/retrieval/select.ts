import { coverageOf } from './coverage';
import type { Scored } from './scored';
import type { Decision } from './types';

/**
 * The entries that answer: the best one; the runner-up joins it only when it stands on its own
 * keywords and covers a clear part of the question the best one leaves out (挥卡报03,还有报96).
 */
export function selectAnswers(s: Scored, textOf: (index: number) => string): string[] {
  const [first, second] = s.candidates;
  if (!first) return [];
  if (!second || second.signals.coverage < 0.35 || second.features[0]! < 0.5) return [first.entry.id];
  const together = coverageOf(s.prepared.units, `${textOf(first.signals.index)}\n${textOf(second.signals.index)}`);
  return together - first.signals.coverage >= 0.2 ? [first.entry.id, second.entry.id] : [first.entry.id];
}

/** A suggestion must share this much of the question, so a far off-topic question gets none. */
const MIN_SUGGESTION_COVERAGE = 0.3;

/** 「您是不是想问」: up to two other close entries (hedge) or up to three related topics (refuse); none for a confident answer. */
export function selectSuggestions(s: Scored, answerIds: string[], decision: Decision): string[] {
  if (decision === 'answer') return [];
  return s.candidates
    .filter((c) => !answerIds.includes(c.entry.id) && Math.max(c.signals.coverage, c.signals.questionCoverage) >= MIN_SUGGESTION_COVERAGE)
    .slice(0, decision === 'hedge' ? 2 : 3)
    .map((c) => c.entry.id);
}
