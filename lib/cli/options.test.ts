import { InvalidArgumentError } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { BadRequestError } from '../errors';
import { configForMode } from './mode';
import { integer, integerList, positiveNumber } from './options';

describe('option-argument parsers', () => {
  it('integer accepts whole numbers in range and rejects the rest as usage errors', () => {
    const k = integer(1, 20);
    expect(k('5')).toBe(5);
    expect(k(' 20 ')).toBe(20);
    for (const bad of ['abc', '', '2.5', '0', '21', '1e1', '5x']) expect(() => k(bad), bad).toThrow(InvalidArgumentError);
    expect(() => integer(1)('0')).toThrow('Expected a whole number ≥ 1.');
  });

  it('positiveNumber accepts decimals above 0', () => {
    expect(positiveNumber('0.5')).toBe(0.5);
    for (const bad of ['0', '-1', 'abc', '', 'Infinity']) expect(() => positiveNumber(bad), bad).toThrow(InvalidArgumentError);
  });

  it('integerList reads comma-separated whole numbers', () => {
    expect(integerList('16, 32,64')).toEqual([16, 32, 64]);
    for (const bad of ['16,,32', '16,x', '', '0']) expect(() => integerList(bad), bad).toThrow(InvalidArgumentError);
  });
});

describe('configForMode', () => {
  const withModel = parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' });
  const without = parseConfig({});

  it('keeps the configured mode when none is given, and answers offline on request', () => {
    expect(configForMode(withModel, undefined).llm).not.toBeNull();
    expect(configForMode(withModel, 'offline').llm).toBeNull();
    expect(configForMode(withModel, 'llm').llm?.baseURL).toBe('http://127.0.0.1:1/v1');
  });

  it('says which variables to set when llm is asked for without a model', () => {
    expect(() => configForMode(without, 'llm')).toThrow(BadRequestError);
    expect(() => configForMode(without, 'llm')).toThrow('OPENAI_API_KEY 或 OPENAI_BASE_URL');
  });
});
