import type { Entry } from '../corpus/schema';
import type { CandidateSignals } from './features';
import type { PreparedQuery } from './query';

/** Everything a query is scored with, for fitting the model (lib/retrieval/fit.ts) and for explanations. */
export interface Scored {
  prepared: PreparedQuery;
  candidates: { entry: Entry; signals: CandidateSignals; features: number[]; score: number; probability: number }[];
  queryFeatures: number[];
}
