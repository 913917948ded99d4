/**
 * A streamed model answer let through a clause at a time, each checked first (round 24, a fresh-clone check): the citation
 * guard releases everything after the first valid citation, so a number or an entry id the entries do not give (「退款最长期限为
 * 360 天」「另见 FAQ5.29」) reached Open WebUI and LobeChat before the answer was found out and replaced; a sent chunk cannot be
 * taken back. Here a clause is shown only once `check` finds nothing in it that the entries do not say. Pure.
 */

/**
 * Where a clause, a sentence or a list item ends: end marks, semicolons, a line break, and the commas and colons within a sentence
 * (a comma after a digit only when the number has ended: 1,000 holds). Not 「.」: 0.6%, 1. 步骤. An ASCII comma or colon ends a clause
 * only once what follows it has come and is not 「//」: a stream cut right after 「https:」 or 「https:/」 holds it, the link's two
 * halves are checked together (round 25, a fresh-clone check). Nothing the checks look for (an id, a link, a number with its unit)
 * spans one of these, and a clause at a time still streams as the model writes.
 */
const SENTENCE_END = /[。！？!?；;\n，、：]|(?<=\D)[,:](?=[^/]|\/[^/])/g;

export interface SentenceGate {
  /** Adds streamed text; returns the whole clauses that passed, or what was found invented (then nothing more passes). */
  push(text: string): { out: string; invented?: string[] };
  /** The rest at the end of the stream, checked the same way. */
  end(): { out: string; invented?: string[] };
}

/**
 * @example
 * const gate = createSentenceGate((t) => (t.includes('360') ? ['360'] : []));
 * gate.push('请补注册。退款期限'); // { out: '请补注册。' }
 * gate.push('为 360 天。'); // { out: '', invented: ['360'] }
 */
export function createSentenceGate(check: (text: string) => string[], opening = ''): SentenceGate {
  let pending = '';
  // Shown with the first clause that passes (a hedge's 「FAQ 中没有完全对应的条目…」), never alone: a reply that fails at once
  // leaves nothing to take back before the offline answer.
  let before = opening;
  let stopped = false;
  const pass = (upTo: number) => {
    if (stopped || upTo <= 0) return { out: '' };
    const ready = pending.slice(0, upTo);
    const invented = check(ready);
    if (invented.length) {
      stopped = true;
      return { out: '', invented };
    }
    pending = pending.slice(upTo);
    const out = before + ready;
    before = '';
    return { out };
  };
  return {
    push(text) {
      pending += text;
      let last = -1;
      for (const m of pending.matchAll(SENTENCE_END)) last = m.index;
      return pass(last + 1);
    },
    end() {
      return pass(pending.length);
    },
  };
}
