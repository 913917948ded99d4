/*
 * The language of leaning on a conversation: whether a question needs the conversation to be understood (looksLikeFollowUp), and
 * whether it says it leaves it (changesTopic). Words and patterns of the language, not of any FAQ; lib/answer/follow-up.ts acts on
 * them.
 */

import { stripFrame } from '../retrieval/frame';
import { readTyped } from '../retrieval/simplified';
import { textSize } from '../text/size';

/** Openings and endings that mark a question as leaning on the previous one ("那退款呢?"). */
const FOLLOW_UP_START =
  /^(那|那么|还有|另外|如果|要是|假如|它|这个|这种|那个|同样|然后|其他|别的|换成|改成|and |what about|how about|what if|if |but |then |also |in that case)/i;
const FOLLOW_UP_END = /(呢|吗|的话|怎么样|咋样|多久|多长时间|要多久)\s*\??\s*$/;
/** An acknowledgement before the follow-up itself (「好的,那退款呢」「OK, and …」). */
const ACKNOWLEDGED = /^((ok|okay|got it|i see|so|好的|好|嗯|明白了?|了解)[\s,.!]*)+/i;
/** A question this short leans on the conversation whatever its words. */
export const MAX_FOLLOW_UP_CHARS = 16;
/**
 * Words that point back at what was just said (「你上面说的那个要在哪个页面操作」「这两个都开了还是不行」):
 * a question that uses one leans on the conversation even when it is long. Language, not any FAQ's vocabulary.
 */
const POINTS_BACK =
  /(刚才|刚刚|上面|上述|前面(说|讲|提)|你说的|你讲的|你提到|这个|那个|这种|那种|这样|这两|那两|这几|这些|那些|这一步|这步|同上|\b(it|that|this|those|these|them)\b)/i;
/**
 * Asking for more of what was just answered (「还有别的办法吗」「除了改信息还有别的原因没」「确认完以后还要查什么」「下一步呢」): the
 * follow-up stays with the entry given, however well another entry covers its words. Language, not any FAQ's vocabulary.
 */
export const ASKS_FOR_MORE =
  /(还有(没有)?(别的|其他|其它|啥|什么)(办法|方法|原因|可能|途径|方式|处理方式|解决办法|情况|招|法子|路子)|(别的|其他|其它)(办法|方法|方式|原因|可能|途径|处理方式|解决办法|招|法子|路子)|除了[^,。?]{1,12}(还|以外|之外)|还(需要|要|得)(查|看|做|检查|确认|注意)(什么|啥|哪些)|下一步|接下来(呢|怎么|要)|\b(any other|anything else|what else|other (ways?|reasons?|options?))\b)/i;

/**
 * Saying, as it ends, that what was said did not help (「等了还是不行」「弄完还是一样咧」「still not working」, round 27, dev29): the
 * follow-up leans on the conversation, which vouches for its topic however little of its own words the FAQ uses
 * (lib/answer/follow-up.ts). Language, not any FAQ's vocabulary.
 */
export const STILL_FAILING =
  /((还是|仍然|依然|照样|照旧)(不行|不好使|不管用|没用|一样|没反应|不成)[了啊呀咧哦]*|\bstill (not working|doesn'?t work|the same|fails?))[\s\p{P}]*$/iu;

/**
 * English that opens by leaning on what was said (「What about micro merchants, which documents do they need?」) takes more words
 * than Chinese takes characters to ask the same: such an opening makes an English question (no Chinese in it) a follow-up up to
 * this size (textSize: twelve words). Not 「if」, which opens as many questions of their own.
 */
const LEANING_ENGLISH = /^(what about|how about|and|also|then|but|what if|in that case)\b/i;
/**
 * English that points back at what was said where Chinese uses 这个/那个/也: 「the alipay one: what do we submit?」「first one again」
 * 「old merchant with successful trades, affected too?」 (round 26, dev28). `too` and `as well` only ending the question: 「name too
 * long」 names a symptom. Not 「the … way」: 「what is the best way to refund?」 asks on its own (round 26's review).
 */
const POINTS_BACK_ENGLISH = /\b(the|that|this) (\w+[ -]){0,2}one\b|\bone again\b|\b(too|as well|either)\W*$/i;
/** English words that ask rather than name what is asked about: a question made of nothing else names no topic of its own. */
export const ASKING_ENGLISH = new Set(
  'what about how and the a an is are do does for then if it that this long take takes can i we to of in on with where when which who why there up one please pls again me you should click set configure find so now next'.split(
    ' ',
  ),
);
const HAN = /\p{Script=Han}/u;
const MAX_LEANING_ENGLISH_SIZE = 24;

/**
 * Saying, as it opens, that the topic changes (「换个问题,…」「题外话,…」「unrelated: …」「btw, switching topic - …」): what follows
 * stands alone, never searched with the conversation. Not 顺便问下, 另外问下 or 还有个事, which as often add to the topic as leave it,
 * and not these English words inside a question (「is error 96 unrelated to the refund?」). Language, not any FAQ's vocabulary.
 */
const CHANGES_TOPIC =
  /^((好的|好|嗯|谢谢|谢啦|谢了|ok|okay|thanks|thx|btw|also|and)[\s\p{P}]*)*((换个(话题|问题)|题外话|另一个问题|另外一个问题|不相关的问题)|(unrelated|switching (topic|subject)s?|change of (topic|subject)|different (question|topic)|another (question|topic)|new (question|topic))\s*[:,\-—–])/iu;

/**
 * Whether a question says the topic changes, and what it then asks does not itself lean on the conversation (「换个问题,那苹果手机
 * 呢」「换个话题,这个要多久」 do).
 */
export function changesTopic(question: string): boolean {
  const q = stripFrame(readTyped(question));
  const marker = CHANGES_TOPIC.exec(q);
  if (!marker) return false;
  return !leansAfterMarker(q.slice(marker[0].length).replace(/^[\s\p{P}]+/u, ''));
}

/** Whether what follows a marker (a change of topic, an aside) itself leans on the conversation. */
function leansAfterMarker(rest: string): boolean {
  // 「手续费呢」: a short question that ends in 呢 leaves its topic to the conversation.
  const elliptical = contentLength(rest) <= MAX_FOLLOW_UP_CHARS && /呢\s*\??\s*$/.test(rest);
  return FOLLOW_UP_START.test(rest) || POINTS_BACK.test(rest) || ASKS_FOR_MORE.test(rest) || elliptical;
}

/**
 * Opening an aside (「对了,…」「顺便问下…」「另外想问,…」「还有个事,…」「btw …」): what follows may add to the topic or leave it, so
 * it is not a change of topic (CHANGES_TOPIC); it only lets a question that, alone, finds another entry than the one given, be
 * taken at its own word with less than full confidence (lib/answer/follow-up.ts). Language, not any FAQ's vocabulary.
 */
const OPENS_ASIDE =
  /^((好的|好|嗯|谢谢|谢啦|谢了|ok|okay|thanks|thx)[\s\p{P}]*)*(对了(?=[\s\p{P}])|顺便(问|说|请教)?(一)?下?|另外(问|想问|请教)?(一)?下?|还有(个|一个)(事|问题)|再问(一)?(个|下)|btw\b|by the way\b)/iu;

/** Whether a question opens an aside and what follows does not itself lean on the conversation (「对了,那退款呢」 does). */
export function opensAside(question: string): boolean {
  // Before the frame is stripped: it takes 「对了,」 for the acknowledgement it also is.
  const typed = readTyped(question).trim();
  const marker = OPENS_ASIDE.exec(typed);
  if (!marker) return false;
  const rest = stripFrame(typed.slice(marker[0].length).replace(/^[\s\p{P}]+/u, ''));
  return rest !== '' && !leansAfterMarker(rest);
}

/**
 * Rejecting the answer just given and saying what was meant (「不是96,报的是不允许进行的交易」「不是好老板,是接口退货报错」「不对,我问的是
 * 退款」「no, I mean the refund」): a short rejection, a break, then what was meant, opened by a word that says so (是, 而是, 就是,
 * 我问的是, 我是说, 报的是, 写的是, I mean). Not a condition or a question of its own that only opens with 不是/不对/错了/no (「不是本人的卡,
 * 能退款吗」「不对账的话,会有什么影响」「错了一笔,怎么退」「No card present, what to do?」), nor surprise or a reminder (「不是吧,要这么久」
 * 「不是说三天吗」). Language, not any FAQ's vocabulary.
 */
const REJECTS =
  /^(?:不是|不对|错了|搞错了|弄错了|no\b|nope\b)(?![吧啊呀吗嘛哦]|说|应该|已经|要|得|都|还|也|早就)\s*([^,，;；。!！?？]{0,12})[,，;；。!！]\s*(?:(?:我|我们)?(?:问|说|讲|要问|想问|指|是说)的?是|(?:我|我们)(?:是说|是讲|是问|的意思是)|[^,，;；。!！?？\s]{0,6}的是|而是|就是|是|(?:i|we) mean[t]?\b)\s*(.+)$/iu;

/**
 * Saying what was meant without first rejecting what was understood (「我讲的是好老板APP不会报啦」「我问的是退款」「I mean the refund」,
 * round 27, dev29): a rejection of the answer just given that rejects nothing in particular, unless the entry given says what
 * was meant (「我问的是企业的」 after an entry with a row for each kind of merchant: a detail of it, lib/answer/follow-up.ts). Only
 * what names and asks nothing more, in a follow-up's few words: 「我问的是POS机怎么签到」「我说的是,今年的年费怎么交」 are questions
 * of their own (round 27's review).
 */
const RESTATES = /^(?:(?:我|我们)(?:问|说|讲|要问|想问|指)的是|(?:i|we) mean[t]?\b)\s*[,，:：]?\s*(.+)$/iu;

/** Words that ask (a question of its own, not a name for what was meant). Language, not any FAQ's vocabulary. */
const ASKS =
  /[?？]|怎么|怎样|如何|咋|吗|什么|啥|多久|多少|几[天个次]|哪|为什么|为啥|能不能|可不可以|是否|\b(how|what|why|when|where|which|who|can|could|does|do|is|are)\b/i;

/** What a follow-up that rejects the answer just given rejects (may be empty: 「不对,…」) and says was meant; null when it rejects nothing. */
export function rejectionOf(question: string): { rejected: string; meant: string; restated?: true } | null {
  const q = stripFrame(readTyped(question)).trim();
  const m = REJECTS.exec(q);
  if (!m) {
    const restated = RESTATES.exec(q)?.[1]?.trim() ?? '';
    const length = contentLength(restated);
    const meansOnly = length > 0 && length <= MAX_FOLLOW_UP_CHARS && !ASKS.test(restated);
    return meansOnly ? { rejected: '', meant: restated, restated: true } : null;
  }
  const meant = m[2]?.trim() ?? '';
  return contentLength(meant) > 0 ? { rejected: (m[1] ?? '').trim(), meant } : null;
}

/** Beyond this length a question carries its own topic, whatever it points back at. */
const MAX_POINTING_CHARS = 40;

function contentLength(q: string): number {
  return q.replace(/[\s\p{P}]/gu, '').length;
}

/** Whether a question probably needs the conversation to be understood. */
export function looksLikeFollowUp(question: string): boolean {
  // Read as retrieval reads it: simplified, ASCII punctuation, without what frames it in a chat (老师好, @客服, 谢谢).
  const q = stripFrame(readTyped(question.trim()));
  const length = contentLength(q);
  if (length <= MAX_POINTING_CHARS && (POINTS_BACK.test(q) || ASKS_FOR_MORE.test(q) || STILL_FAILING.test(q))) return true;
  // English counted in words (textSize), after an acknowledgement: 「OK, what about on an iPhone?」 is as short as 「那苹果手机呢」.
  const acknowledged = q.replace(ACKNOWLEDGED, '');
  const size = textSize(acknowledged);
  if (size <= MAX_FOLLOW_UP_CHARS && FOLLOW_UP_START.test(acknowledged)) return true;
  if (size <= MAX_LEANING_ENGLISH_SIZE && !HAN.test(acknowledged)) {
    if (LEANING_ENGLISH.test(acknowledged) || POINTS_BACK_ENGLISH.test(acknowledged)) return true;
    // 「so what should we do?」: nothing but asking.
    const words = acknowledged.toLowerCase().match(/[a-z]+/g) ?? [];
    if (words.length > 0 && words.every((w) => ASKING_ENGLISH.has(w))) return true;
  }
  return length <= MAX_FOLLOW_UP_CHARS && (FOLLOW_UP_START.test(q) || FOLLOW_UP_END.test(q) || length <= 8);
}
