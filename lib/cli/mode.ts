import { type AppConfig, withAnswerMode } from '../config';
import { BadRequestError } from '../errors';
import type { AnswerModeChoice } from './options';

/**
 * The config answering in `mode` (unchanged when no mode is given). LLM mode without a
 * configured model is a typed error telling the user which variables to set.
 */
export function configForMode(config: AppConfig, mode: AnswerModeChoice | undefined): AppConfig {
  if (mode === undefined) return config;
  const out = withAnswerMode(config, mode);
  if (mode === 'llm' && !out.llm) throw new BadRequestError('LLM 模式需要设置 OPENAI_API_KEY 或 OPENAI_BASE_URL');
  return out;
}
