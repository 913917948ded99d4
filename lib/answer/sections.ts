import { halfWidth } from '../text/half-width';

/**
 * The parts of an FAQ solution, for answering a follow-up with the part it asks about
 * (FAQ2.6: 1、撤销 / 2、退款; FAQ9.4: 1.IOS / 2.Android; FAQ4.1: one table row per subject type).
 * Pure: the split follows the solution's own numbering, whatever the FAQ.
 */
export interface SolutionParts {
  /** Text before the first part (it applies to every part). */
  intro: string;
  parts: string[];
}

const MARKERS: [string, RegExp][] = [
  ['arabic', /^\s*\d{1,2}\s*[、.](?!\d)/],
  ['chinese', /^\s*[一二三四五六七八九十]{1,3}\s*[、.]/],
  ['circled', /^\s*[①②③④⑤⑥⑦⑧⑨⑩]/],
  ['paren', /^\s*\(?\d{1,2}\)/],
  ['latin', /^\s*[a-h]\s*[).、]/i],
  ['method', /^\s*(方式|方法|情况|步骤)\s*[一二三四五六七八九十\d]+/],
];

/** The marker a line opens with, full-width forms read as ASCII (an FAQ typed with an input method numbers （1） and １．). */
function markerOf(line: string): string | null {
  const ascii = halfWidth(line);
  for (const [name, re] of MARKERS) if (re.test(ascii)) return name;
  return null;
}

const isTableRow = (line: string) => (line.match(/\|/g) ?? []).length >= 2;

/**
 * Splits a solution at its top-level numbering (the kind of marker its first numbered line
 * uses), or into table rows (each with the header). Fewer than two parts: null.
 */
export function splitSolution(solution: string): SolutionParts | null {
  const lines = solution.split('\n');
  const tableRows = lines.filter(isTableRow);
  if (tableRows.length >= 3) {
    const [header, ...rows] = tableRows;
    return { intro: lines.filter((l) => !isTableRow(l)).join('\n'), parts: rows.map((r) => `${header}\n${r}`) };
  }
  const top = lines.map(markerOf).find((m) => m !== null);
  if (!top) return null;
  const intro: string[] = [];
  const parts: string[][] = [];
  for (const line of lines) {
    if (markerOf(line) === top) parts.push([line]);
    else if (parts.length) parts.at(-1)!.push(line);
    else intro.push(line);
  }
  return parts.length >= 2 ? { intro: intro.join('\n').trim(), parts: parts.map((p) => p.join('\n')) } : null;
}

/**
 * The one part a follow-up asks about: the part with the clearly highest score (coverage of the
 * follow-up's words), or null when no part stands out.
 */
export function pickPart(parts: string[], score: (text: string) => number): number | null {
  const scores = parts.map(score);
  const best = Math.max(...scores);
  if (!(best > 0)) return null;
  const winners = scores.filter((s) => s === best).length;
  return winners === 1 ? scores.indexOf(best) : null;
}
