import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { z } from 'zod';
import type { CorpusIssue } from '../errors';

/** The related-questions file: entry id -> alternative questions and keywords staff type. */
export const relatedFileSchema = z.record(
  z.string().regex(/^FAQ\d+\.\d+$/, '键必须是条目编号,如 FAQ2.5'),
  z.array(z.string({ error: '相似问题必须是字符串' }), { error: '值必须是相似问题的数组,如 ["挥卡报03", "闪付 无效商户"]' }),
  { error: '文件必须是一个 JSON 对象:{ "FAQ2.5": ["挥卡报03", …] }' },
);
export type AlternativesMap = Record<string, string[]>;

/** A problem in a companion file, at a 1-based line and, where known, column. */
export interface SourceIssue extends CorpusIssue {
  column?: number;
}

/** Where each key and each alternative question of the related-questions file is written (1-based lines). */
export interface RelatedLines {
  keys: Record<string, number>;
  items: Record<string, { value: string; line: number }[]>;
}

export interface ParsedAlternatives {
  alternatives: AlternativesMap;
  /** Syntax and schema errors; when there are any, `alternatives` is empty. */
  errors: SourceIssue[];
  /** Keys written twice (JSON keeps the last), empty and repeated alternatives. */
  warnings: SourceIssue[];
  lines: RelatedLines;
}

/** jsonc-parser's error names, in Chinese. */
const SYNTAX: Record<string, string> = {
  InvalidSymbol: '无法识别的内容(字符串要用英文双引号)',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '此处应为用双引号括起的键(是否多了一个逗号?)',
  ValueExpected: '此处应为一个值(是否多了一个逗号或少了值?)',
  ColonExpected: '键后缺少冒号 ":"',
  CommaExpected: '缺少逗号 ","',
  CloseBraceExpected: '缺少右花括号 "}"',
  CloseBracketExpected: '缺少右方括号 "]"',
  EndOfFileExpected: 'JSON 结束后还有多余内容',
  InvalidCommentToken: 'JSON 中不允许注释',
  UnexpectedEndOfComment: '注释没有结束',
  UnexpectedEndOfString: '字符串没有结束(缺少右双引号,或字符串中有换行)',
  UnexpectedEndOfNumber: '数字不完整',
  InvalidUnicode: '无效的 \\u 转义',
  InvalidEscapeCharacter: '无效的转义字符(反斜杠要写成 \\\\)',
  InvalidCharacter: '字符串中有不允许的控制字符',
};

/**
 * 1-based line and column of character offsets in one text: the line starts are found once, and each offset
 * by binary search (reading every key and item of a long file by slicing the text before each was quadratic).
 */
export function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  };
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  return positionsIn(text)(offset);
}

/** Where JSON.parse says it failed, for the rare error the tree parser does not see. */
function positionFromMessage(text: string, message: string): { line: number; column: number } {
  const m = /at position (\d+)/.exec(message);
  return m ? positionOf(text, Number(m[1])) : { line: 1, column: 1 };
}

function syntaxError(text: string, errors: ParseError[], parseMessage: string): SourceIssue {
  const first = errors[0];
  const at = first ? positionOf(text, first.offset) : positionFromMessage(text, parseMessage);
  const what = (first && SYNTAX[printParseErrorCode(first.error)]) ?? '格式错误';
  return { ...at, message: `不是合法的 JSON:${what}` };
}

type Positions = ReturnType<typeof positionsIn>;

/** The line of a property (its key) or array element at `path`. */
function lineAt(position: Positions, root: Node, path: (string | number)[]): { line: number; column: number } {
  const node = findNodeAtLocation(root, path) ?? root;
  const at = node.parent?.type === 'property' ? node.parent : node;
  return position(at.offset);
}

function locate(position: Positions, root: Node): { lines: RelatedLines; duplicates: SourceIssue[] } {
  const lines: RelatedLines = { keys: {}, items: {} };
  const duplicates: SourceIssue[] = [];
  if (root.type !== 'object') return { lines, duplicates };
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    const at = position(keyNode.offset);
    const first = lines.keys[key];
    if (first !== undefined) duplicates.push({ ...at, message: `键 ${key} 重复(首次出现在第 ${first} 行),只有最后一处生效` });
    lines.keys[key] = at.line;
    lines.items[key] = (valueNode?.children ?? [])
      .filter((n) => typeof n.value === 'string')
      .map((n) => ({ value: n.value as string, line: position(n.offset).line }));
  }
  return { lines, duplicates };
}

/**
 * Parses the JSON text of the related-questions file (entry id -> alternative questions); pure.
 * Every problem carries the line (and column) where it is written: a syntax error where the
 * parser stopped, a schema error at its key or element.
 */
export function parseAlternatives(input: string): ParsedAlternatives {
  const text = input.replace(/^\uFEFF/, '');
  const none = { alternatives: {}, warnings: [], lines: { keys: {}, items: {} } };
  const treeErrors: ParseError[] = [];
  const root = parseTree(text, treeErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ...none, errors: [syntaxError(text, treeErrors, (e as Error).message)] };
  }
  if (!root) return { ...none, errors: [{ line: 1, column: 1, message: '文件为空' }] };
  const parsed = relatedFileSchema.safeParse(json);
  // The text's line starts, found once for every position reported below.
  const position = positionsIn(text);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => {
      const message = i.code === 'invalid_key' ? (i.issues[0]?.message ?? i.message) : i.message;
      const where = i.path.length ? `${i.path.join('.')}:` : '';
      return { ...lineAt(position, root, i.path as (string | number)[]), message: `${where}${message}` };
    });
    return { ...none, errors };
  }
  const { lines, duplicates } = locate(position, root);
  const warnings: SourceIssue[] = [...duplicates];
  const alternatives: AlternativesMap = {};
  for (const [id, list] of Object.entries(parsed.data)) {
    const seen = new Set<string>();
    for (const [i, raw] of list.entries()) {
      const q = raw.trim();
      const line = lines.items[id]?.[i]?.line ?? lines.keys[id] ?? 1;
      if (q === '') warnings.push({ line, message: `${id} 有一个空的相似问题,已忽略` });
      else if (seen.has(q)) warnings.push({ line, message: `${id} 的相似问题“${q}”重复` });
      seen.add(q);
    }
    alternatives[id] = [...seen].filter(Boolean);
  }
  return { alternatives, errors: [], warnings, lines };
}

// The vocabulary files are parsed beside it; re-exported for the loader.
export { parseDictionary, parseSynonyms } from './vocabulary';
