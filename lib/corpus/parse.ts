import type { CorpusIssue } from '../errors';
import { type CorpusWarning, duplicateKey, type FaqCategory, type FaqEntry, normalizeForDedup } from './schema';

export interface ParseResult {
  entries: FaqEntry[];
  categories: FaqCategory[];
  errors: CorpusIssue[];
  warnings: CorpusWarning[];
}

const CATEGORY_RE = /^FAQ(\d+)\s*[:\uFF1A]\s*(.*)$/;
const ENTRY_RE = /^FAQ(\d+)\.(\d+)\s*[:\uFF1A]?$/;
const QUESTION_RE = /^问题描述\s*[:\uFF1A]\s*(.*)$/;
const ANSWER_RE = /^解决方法\s*[:\uFF1A]\s*(.*)$/;
/** A category header without its colon (「FAQ2普通POS类」「FAQ2 普通POS类」): read as one, and reported, when an entry of it follows. */
const HEADER_WITHOUT_COLON_RE = /^FAQ(\d+)(?![\d.])\s*([^:\uFF1A\s].*)$/;

interface Draft {
  id: string;
  category: FaqCategory;
  line: number;
  question: string[] | null;
  solution: string[] | null;
  section: 'head' | 'question' | 'solution';
}

/** Drops leading and trailing blank lines, keeps the inner layout. */
function joinBlock(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end).join('\n');
}

/** The first non-empty line from `from` on, trimmed ('' when none). */
function nextNonEmpty(lines: string[], from: number): string {
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim() !== '') return lines[i]!.trim();
  return '';
}

/** An entry's question, at most (the longest in this FAQ and the sixteen others written for it: under 200). */
export const MAX_QUESTION_CHARS = 2_000;
/** An entry's answer, at most (the longest in these FAQs: under 1,000 characters). */
export const MAX_SOLUTION_CHARS = 20_000;

/**
 * Parses the FAQ text format (`FAQn:分类`, `FAQn.m`, `问题描述:`, `解决方法:`).
 * Pure: never throws on bad input, returns line-numbered `errors` instead.
 * Tolerates a BOM, CRLF line ends, full-width colons and trailing spaces.
 *
 * @example
 * const { entries, errors } = parseFaq(readFileSync('corpus/faq.txt', 'utf8'));
 */
export function parseFaq(text: string): ParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const entries: FaqEntry[] = [];
  const categories: FaqCategory[] = [];
  const errors: CorpusIssue[] = [];
  const warnings: CorpusWarning[] = [];
  const seenIds = new Map<string, number>();
  const lastEntryNo = new Map<string, number>();
  let category: FaqCategory | null = null;
  let draft: Draft | null = null;

  const finish = () => {
    if (!draft) return;
    const d = draft;
    draft = null;
    if (d.question === null) return errors.push({ line: d.line, message: `${d.id} 缺少“问题描述:”` });
    if (d.solution === null) return errors.push({ line: d.line, message: `${d.id} 缺少“解决方法:”` });
    const question = joinBlock(d.question);
    const solution = joinBlock(d.solution);
    if (question === '') return errors.push({ line: d.line, message: `${d.id} 的问题描述为空` });
    // Text run on past any answer's length is a paste gone wrong or junk after the last entry (round 26's fresh-clone check: 300,000
    // lines appended after FAQ9.15 were read as its answer, indexed for five minutes into 78,852 chunks, and took the server down).
    for (const [label, text, max] of [
      ['问题描述', question, MAX_QUESTION_CHARS],
      ['解决方法', solution, MAX_SOLUTION_CHARS],
    ] as const)
      if (text.length > max)
        return errors.push({
          line: d.line,
          message: `${d.id} 的${label}过长(${text.length} 字,上限 ${max} 字),疑似误粘贴了大段内容或文件末尾混入了其他内容;如确需更长的内容,请拆成几个条目`,
        });
    if (solution === '') warnings.push({ kind: 'empty_answer', line: d.line, ids: [d.id], message: `${d.id} 的解决方法为空` });
    entries.push({ id: d.id, category: d.category, question, solution, line: d.line });
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/[\s\u3000]+$/, '');
    const trimmed = line.trim();
    const entryMatch = ENTRY_RE.exec(trimmed);
    const categoryMatch = entryMatch ? null : CATEGORY_RE.exec(trimmed);

    if (categoryMatch) {
      finish();
      const id = `FAQ${categoryMatch[1]}`;
      const name = categoryMatch[2]!.trim();
      if (name === '') errors.push({ line: lineNo, message: `分类 ${id} 缺少名称` });
      if (categories.some((c) => c.id === id)) errors.push({ line: lineNo, message: `分类 ${id} 重复出现` });
      category = { id, name };
      categories.push(category);
      return;
    }
    if (entryMatch) {
      finish();
      const id = `FAQ${entryMatch[1]}.${entryMatch[2]}`;
      const no = Number(entryMatch[2]);
      if (!category) {
        errors.push({ line: lineNo, message: `条目 ${id} 出现在任何分类(FAQn:分类名)之前` });
        return;
      }
      if (`FAQ${entryMatch[1]}` !== category.id) {
        errors.push({ line: lineNo, message: `条目 ${id} 不属于当前分类 ${category.id}` });
        draft = { id, category, line: lineNo, question: null, solution: null, section: 'head' };
        return;
      }
      if (seenIds.has(id)) {
        errors.push({ line: lineNo, message: `条目编号 ${id} 重复(首次出现在第 ${seenIds.get(id)} 行)` });
      } else {
        seenIds.set(id, lineNo);
      }
      const last = lastEntryNo.get(category.id) ?? 0;
      if (no <= last) errors.push({ line: lineNo, message: `条目编号 ${id} 未按顺序递增(前一条为 ${category.id}.${last})` });
      else if (no !== last + 1) warnings.push({ kind: 'numbering_gap', line: lineNo, ids: [id], message: `条目编号 ${id} 之前有空缺` });
      lastEntryNo.set(category.id, Math.max(last, no));
      draft = { id, category, line: lineNo, question: null, solution: null, section: 'head' };
      return;
    }

    // A header missing its colon would be read as the previous entry's text, and every entry under it reported as in the wrong
    // category: the line itself is what to fix.
    const loose = HEADER_WITHOUT_COLON_RE.exec(trimmed);
    if (loose && `FAQ${loose[1]}` !== category?.id && ENTRY_RE.exec(nextNonEmpty(lines, i + 1))?.[1] === loose[1]) {
      finish();
      const id = `FAQ${loose[1]}`;
      errors.push({ line: lineNo, message: `分类标题应写作 ${id}:${loose[2]!.trim()}(此行缺少冒号)` });
      category = { id, name: loose[2]!.trim() };
      categories.push(category);
      return;
    }
    const questionMatch = QUESTION_RE.exec(trimmed);
    const answerMatch = questionMatch ? null : ANSWER_RE.exec(trimmed);
    if (draft && questionMatch && draft.section === 'head') {
      draft.question = questionMatch[1] ? [questionMatch[1]] : [];
      draft.section = 'question';
      return;
    }
    if (draft && answerMatch && draft.section === 'question') {
      draft.solution = answerMatch[1] ? [answerMatch[1]] : [];
      draft.section = 'solution';
      return;
    }
    // A label inside an entry's text is a next entry whose id line was lost or glued onto the line before (「解决方法:FAQ9.16」
    // after an append to a file without a final newline): read as text, it would be answered; it is what to fix.
    if (draft && draft.section !== 'head' && (questionMatch || answerMatch)) {
      const label = questionMatch ? '问题描述:' : '解决方法:';
      return void errors.push({ line: lineNo, message: `“${label}”出现在 ${draft.id} 的正文中:上一条目与此行之间缺少条目编号行(FAQn.m),或编号被接在了上一行末尾` });
    }
    if (draft?.section === 'question') return void draft.question!.push(line);
    if (draft?.section === 'solution') return void draft.solution!.push(line);
    if (trimmed === '') return;
    if (draft && answerMatch) return void errors.push({ line: lineNo, message: `${draft.id} 的“解决方法:”出现在“问题描述:”之前` });
    if (draft) return void errors.push({ line: lineNo, message: `${draft.id} 缺少“问题描述:”,此行无法归属` });
    errors.push({ line: lineNo, message: '此行不属于任何条目(应以 FAQn:分类名 或 FAQn.m 开头)' });
  });
  finish();

  if (entries.length === 0 && errors.length === 0) errors.push({ line: 1, message: '文件中没有任何 FAQ 条目' });
  for (const c of categories) {
    if (!entries.some((e) => e.category.id === c.id) && !errors.length) {
      warnings.push({ kind: 'empty_category', line: 1, ids: [c.id], message: `分类 ${c.id} 没有条目` });
    }
  }
  warnings.push(...findDuplicates(entries), ...findSameQuestions(entries));
  return { entries, categories, errors, warnings };
}

/** Entries whose question and answer are identical, as one warning per group. */
export function findDuplicates(entries: FaqEntry[]): CorpusWarning[] {
  const groups = new Map<string, FaqEntry[]>();
  for (const e of entries) {
    const key = duplicateKey(e);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({
      kind: 'duplicate' as const,
      line: g[1]!.line,
      ids: g.map((e) => e.id),
      message: `${g.map((e) => e.id).join(' 与 ')} 内容完全相同,检索时合并为 ${g[0]!.id}`,
    }));
}

/**
 * Entries that ask the same question and answer it differently, as one warning per group (round 27's fresh-clone check: a new
 * FAQ5.34 「sign验证失败」 beside FAQ5.31's went unremarked): search cannot tell them apart, so which answers depends on chance.
 * The question is compared as duplicateKey compares it (whitespace and width ignored); identical entries are findDuplicates'.
 */
export function findSameQuestions(entries: FaqEntry[]): CorpusWarning[] {
  const groups = new Map<string, FaqEntry[]>();
  for (const e of entries) {
    if (e.question.trim() === '') continue;
    const key = normalizeForDedup(e.question);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()]
    .filter((g) => new Set(g.map(duplicateKey)).size > 1)
    .map((g) => ({
      kind: 'same_question' as const,
      line: g[1]!.line,
      ids: g.map((e) => e.id),
      message: `${g.map((e) => e.id).join(' 与 ')} 的问题相同而解决方法不同,检索无法区分它们;请合并,或改写问题说明各自的情形`,
    }));
}
