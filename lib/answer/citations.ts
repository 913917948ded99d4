import { citationMarkerPattern, idsInMarker } from '../text/citations';
import { MODEL_NO_ANSWER_SENTENCE } from '../text/messages';

/** Whether a model reply is (essentially) the fixed no-answer sentence. */
export function isNoAnswerReply(text: string): boolean {
  const squash = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  const t = squash(text);
  const core = squash(MODEL_NO_ANSWER_SENTENCE.replace(/^抱歉/, ''));
  return t.includes(core) && t.length <= core.length + 12;
}

/**
 * Entry ids a model reply names that were not retrieved, in any form: a citation marker, a bare 「FAQ7.6」 or 「(FAQ4.8)」.
 *
 * @example
 * unretrievedMentions('见 FAQ7.6 条目', new Map([['FAQ2.5', 'FAQ2.5']])) // ['FAQ7.6']
 */
export function unretrievedMentions(reply: string, allowed: Map<string, string>): string[] {
  return [...new Set(idsInMarker(reply.normalize('NFKC')))].filter((id) => !allowed.has(id));
}

/**
 * Links a model reply gives that no retrieved entry gives (a phishing page, a made-up help centre): the chat would make them
 * clickable.
 *
 * @example
 * unretrievedLinks('[点此](https://evil.example/x)', ['见 https://a.example.cn']) // ['https://evil.example/x']
 */
export function unretrievedLinks(reply: string, entryTexts: string[]): string[] {
  const links = reply.match(/https?:\/\/[^\s)\]>"'，。、）】]+/gi) ?? [];
  return [...new Set(links)].filter((link) => !entryTexts.some((t) => t.includes(link)));
}

/** A quantity with its unit (「3 个工作日」「365天」「0.6%」), the unit as written without 个. */
const QUANTITY = /(\d+(?:\.\d+)?)\s*个?\s*(工作日|自然日|天|日|小时|分钟|秒|元|%|个月|月|年|次|笔)/g;
/** Digits a reader would dial or type: a phone number, a code, an amount (three or more). */
const LONG_NUMBER = /\d{3,}/g;

function numbersIn(text: string): string[] {
  const t = text.normalize('NFKC').replace(citationMarkerPattern(), ' ');
  return [...[...t.matchAll(QUANTITY)].map((m) => `${m[1]}${m[2]}`), ...(t.match(LONG_NUMBER) ?? [])];
}

/**
 * Numbers a model reply gives that neither a retrieved entry nor the question gives: a phone number to call (「请致电 95588」),
 * a time limit (「3 个工作日内」), an amount. A support agent reads them out to the merchant as the FAQ's, so a reply citing a
 * right entry and inventing one is not shown (round 21, a fresh-clone check). Step numbers and codes of one or two digits are
 * not read.
 *
 * @example
 * unretrievedNumbers('请致电 95588,3 个工作日内解决 [FAQ2.5]', ['报备双免白名单,T+1 日生效']) // ['3工作日', '95588']
 */
export function unretrievedNumbers(reply: string, givenTexts: string[]): string[] {
  const given = new Set(givenTexts.flatMap(numbersIn));
  const squashed = givenTexts.map((t) => t.normalize('NFKC').replace(/\s+/g, ''));
  return [...new Set(numbersIn(reply))].filter((n) => !given.has(n) && !squashed.some((t) => t.includes(n)));
}

export interface CitationGuard {
  /** Feeds a streamed delta; returns the text that is safe to show now. */
  push(delta: string): string;
  /** Flushes what is left at the end of the stream. */
  end(): string;
  /** Valid cited ids, in order of first appearance. */
  readonly cited: string[];
  /** Ids cited outside the allowed set; their markers were removed. */
  readonly removed: string[];
  readonly sawValidCitation: boolean;
  /** Everything emitted so far. */
  readonly text: string;
}

/** Longest a marker can plausibly be; an open bracket held longer than this is plain text. */
const MAX_MARKER = 48;

/**
 * A streaming filter over the model's answer: removes citation markers of ids that
 * were not retrieved, and holds all text back until the first valid citation, so an
 * uncited answer never reaches the user. Markers split across deltas ("[FA" + "Q2.5]") are handled.
 *
 * @example
 * const guard = createCitationGuard(new Map([['FAQ2.5', 'FAQ2.5']]));
 * guard.push('答案 [FAQ2'); guard.push('.5] 和 [FAQ99.1]'); guard.end(); // '答案 [FAQ2.5] 和 '
 */
export function createCitationGuard(allowed: Map<string, string>): CitationGuard {
  let pending = '';
  let held = '';
  let emitted = '';
  const cited: string[] = [];
  const removed: string[] = [];
  let valid = false;

  const clean = (chunk: string): string =>
    chunk.replace(citationMarkerPattern(), (marker, body: string) => {
      const ids = idsInMarker(body);
      const ok = ids.filter((id) => allowed.has(id));
      for (const id of ids) {
        if (allowed.has(id)) {
          if (!cited.includes(id)) cited.push(id);
        } else if (!removed.includes(id)) removed.push(id);
      }
      if (ok.length) valid = true;
      if (ok.length === ids.length) return marker;
      return ok.map((id) => `[${id}]`).join('');
    });

  const release = (text: string): string => {
    held += text;
    if (!valid) return '';
    const out = held;
    held = '';
    emitted += out;
    return out;
  };

  return {
    push(delta) {
      pending += delta;
      // Keep back a possibly unfinished marker at the end of the buffer.
      const open = Math.max(pending.lastIndexOf('['), pending.lastIndexOf('【'), pending.lastIndexOf('［'));
      const closed = open >= 0 && /[\]】］]/.test(pending.slice(open));
      const cut = open >= 0 && !closed && pending.length - open <= MAX_MARKER ? open : pending.length;
      const ready = pending.slice(0, cut);
      pending = pending.slice(cut);
      return release(clean(ready));
    },
    end() {
      const out = release(clean(pending));
      pending = '';
      return out;
    },
    get cited() {
      return cited;
    },
    get removed() {
      return removed;
    },
    get sawValidCitation() {
      return valid;
    },
    get text() {
      return emitted;
    },
  };
}
