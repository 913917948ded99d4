import { stripFrame } from '../retrieval/frame';
import { readTyped } from '../retrieval/simplified';
import { extractCitations } from '../text/citations';
import type { ChatTurn } from './types';

/** One exchange of a conversation: the user's question and the answer it got. */
interface Exchange {
  question: string;
  answer: string;
}

/** Words that point back in a conversation, used by each pattern below. */
const BACK_WORDS = '回到|上面|前面|刚才|刚刚|之前|先前';
const BACK = `(${BACK_WORDS})(说|问|讲|提)?的?`;
const FIRST = '(第一个|第1个|头一个|第一家|头一家)';
const SECOND = '(第二个|第2个|第二家)';
/**
 * An ordinal that opens the follow-up (「第一个那个报错要检查啥号来着」「那第二个,删完多久生效?」「好的,第一个开通了还报呢」) names an
 * exchange too, unless a thing follows it (「第一个步骤在哪」「头一个月能提现吗」「第二个门店也报这个错」), or the answer just given is
 * itself a numbered list, whose items it then names (「第二个要多久」 after 1、撤销… 2、退款…).
 */
const OPENING = '^((好的|好|嗯|ok|okay)[,\\s]*)?(那|那么|还有)?';
const NOT_A_THING =
  '(?!步|项|条|点|字|环节|页面|菜单|按钮|选项|框|栏|方法|办法|原因|方式|情况|参数|材料|资料|条件|月|季度|年|天|日|周|星期|工作日|交易日|小时|门店|店|商户|客户|人|号|账号|终端|机器|设备|订单|笔)';
/**
 * An English ordinal with what it counts, as the follow-up opens and with nothing more to the noun than `again` (「wait the first
 * one, …」「re the first error: …」「first one again: …」, round 26): not one inside a question (「what is the first thing to check?」) or one that names more (「the first error
 * code in the log is 96」).
 */
const ENGLISH_PLACE = (ordinal: string) =>
  `^((ok|okay|wait|so|and|also|now|re|regarding|about|back to|going back to)[\\s,:]+)*(the )?(${ordinal}) (one|question|issue|error|problem|topic)\\b(?!\\s+(?!again\\b)[a-z])`;
/**
 * The exchanges named by their place: `named` when 「回到第一个问题」「上面说的第一个」「最开始问的那个」「back to the first one」 point back
 * (or say 问题) with the place, `opened` when the place opens the follow-up (above); `at` is the exchange's index among `n`.
 * Language, not any FAQ's vocabulary.
 */
const PLACES: { named: RegExp; opened: RegExp; at: (n: number) => number }[] = [
  {
    named: new RegExp(
      `${BACK}${FIRST}|${FIRST}问题|(最开始|一开始|最早)(那个|问的|说的|的问题)|\\b(back to|go back to) the first\\b|\\bthe first (question|issue)\\b`,
      'i',
    ),
    opened: new RegExp(`${OPENING}${FIRST}${NOT_A_THING}|${ENGLISH_PLACE('first|1st')}`, 'i'),
    at: () => 0,
  },
  {
    named: new RegExp(`${BACK}${SECOND}|${SECOND}问题|\\b(back to|go back to) the second\\b|\\bthe second (question|issue)\\b`, 'i'),
    opened: new RegExp(`${OPENING}${SECOND}${NOT_A_THING}|${ENGLISH_PLACE('second|2nd')}`, 'i'),
    at: (n) => Math.min(1, n - 1),
  },
];
/** An answer that lists its points (②, 2、, 2., (2)): an ordinal after it names one of them. */
const NUMBERED = /②|(^|[\s。;；:：])(2[、.．)）]|[（(]2[)）])/;

/**
 * Words that point back past the last exchange (「前面那个报错」「刚才验签那个」「回到…」「earlier」「the alipay one: …」): the follow-up names, in its
 * own words, which earlier exchange it means. Language, not any FAQ's vocabulary.
 */
const POINTS_FURTHER_BACK = new RegExp(`(${BACK_WORDS}|earlier|before|back to|(^|[\\s,])(re|regarding):?\\s|^the [\\w-]+ one\\b)`, 'i');
/** What the pointing words and fillers add to a follow-up: left out when it is matched against the exchanges. */
const POINTING = new RegExp(`(${BACK_WORDS}|说的|讲的|提的|那个|这个|问题|的)`, 'g');

function exchangesOf(history: ChatTurn[]): Exchange[] {
  const out: Exchange[] = [];
  for (const t of history) {
    if (t.role === 'user') out.push({ question: t.text.trim(), answer: '' });
    else if (out.length) out[out.length - 1]!.answer += t.text;
  }
  return out;
}

/** Chinese character pairs and Latin words of a text, read as typed. */
function keys(text: string): Set<string> {
  const t = readTyped(text).toLowerCase();
  const out = new Set<string>(t.match(/[a-z0-9]{2,}/g) ?? []);
  for (const run of t.match(/[\u3400-\u9fff]+/g) ?? []) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

/**
 * The exchange a follow-up leans on: the last one, unless the follow-up points further back, by place (「回到第一个问题」) or by
 * what it repeats of an earlier exchange (「前面那个sub_appid的报错」 after two other exchanges), in which case that one.
 */
function referencedExchange(question: string, exchanges: Exchange[]): Exchange | undefined {
  const last = exchanges.at(-1);
  if (exchanges.length < 2) return last;
  const q = stripFrame(readTyped(question));
  // A place said with pointing back wins over one that only opens the follow-up, whichever place it is.
  const place = PLACES.find((p) => p.named.test(q)) ?? (NUMBERED.test(last!.answer) ? undefined : PLACES.find((p) => p.opened.test(q)));
  if (place) return exchanges[place.at(exchanges.length)];
  if (!POINTS_FURTHER_BACK.test(q)) return last;
  const own = keys(q.replace(POINTING, ' '));
  const shared = (e: Exchange) => {
    const k = keys(`${e.question} ${e.answer}`);
    let n = 0;
    for (const x of own) if (k.has(x)) n++;
    return n;
  };
  let best = last!;
  let bestShared = shared(best);
  for (const e of exchanges.slice(0, -1)) {
    const n = shared(e);
    if (n > bestShared) [best, bestShared] = [e, n];
  }
  return best;
}

/**
 * The user question a follow-up leans on and the entries its answer cited: the last exchange's, or an earlier one's when the
 * follow-up points back to it (`earlier`).
 *
 * @example
 * previousTurn('回到第一个问题,要多久', history) // { question: <the first user question>, citedIds: <what its answer cited> }
 */
export function previousTurn(history: ChatTurn[], question = ''): { question?: string; citedIds: string[]; earlier: boolean } {
  const exchanges = exchangesOf(history);
  const e = referencedExchange(question, exchanges);
  return { question: e?.question, citedIds: e ? extractCitations(e.answer) : [], earlier: e !== undefined && e !== exchanges.at(-1) };
}
