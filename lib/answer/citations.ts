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
