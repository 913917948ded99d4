import { InvalidArgumentError, Option } from '@commander-js/extra-typings';

/**
 * An option-argument parser for a whole number in [min, max]; anything else is a usage error.
 *
 * @example
 * program.option('--k <n>', 'entries to retrieve', integer(1, 20), 5)
 */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `Expected a whole number ≥ ${min}.` : `Expected a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** An option-argument parser for a positive number (decimals allowed), e.g. minutes. */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Expected a number greater than 0.');
  return n;
}

/** An option-argument parser for a share strictly between 0 and 1, e.g. `0.02`. */
export function share(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n >= 1) throw new InvalidArgumentError('Expected a number between 0 and 1, e.g. 0.02.');
  return n;
}

/** An option-argument parser for a comma-separated list of whole numbers ≥ 1, e.g. `16,32,64`. */
export function integerList(value: string): number[] {
  const parse = integer(1);
  const list = value.split(',').map((s) => s.trim());
  if (list.some((s) => s === '')) throw new InvalidArgumentError('Expected whole numbers separated by commas, e.g. 16,32,64.');
  return list.map(parse);
}

export type AnswerModeChoice = 'offline' | 'llm';

/**
 * `--mode offline|llm`: who writes the answers (offline: composed from the entries; llm: the
 * configured model). Give it a default with `.default('offline')`, or say in `defaultNote`
 * what applies when it is not given.
 */
export function modeOption(defaultNote?: string) {
  const description = 'who writes the answer: offline (离线检索, composed from the entries) or llm (the model set by OPENAI_BASE_URL / OPENAI_API_KEY)';
  return new Option('--mode <mode>', defaultNote ? `${description} (default: ${defaultNote})` : description).choices(['offline', 'llm'] as const);
}
