/**
 * Every sentence a user reads that the server and the browser both need, written once.
 * Pure constants: imported by lib/ and by client components alike.
 */

/** What every user-visible answer says for an entry whose solution is empty. */
export const NO_SOLUTION_TEXT = 'FAQ 中未提供该问题的解决方法,请联系业务同事确认。';

/** The fixed reply when the FAQ does not cover the question. */
export const NO_ANSWER_TEXT = '抱歉,FAQ 中没有找到与该问题相关的内容,无法给出可靠答案。';

/** The fixed sentence the model must give when the entries do not cover the question. */
export const MODEL_NO_ANSWER_SENTENCE = '抱歉,FAQ 中没有找到与该问题相关的内容。';

export const STAFF_POINTER = '如需进一步帮助,请联系业务同事或客服。';

/** The reply to thanks (「谢谢」「辛苦了」): not the refusal, which would answer a question nobody asked. */
export const THANKS_REPLY_TEXT = '不客气。还有问题可以继续问我。';

/** The reply to other small talk (「你好」「在吗」「你是谁」「测试」): what to ask, for any FAQ. */
export const SMALL_TALK_REPLY_TEXT = '您好,我只回答 FAQ 中的问题:请直接描述遇到的问题或报错,我会从 FAQ 中查找答案并注明出处。';

/** Opening of a hedged answer: the closest entry is shown, but it may not be what was asked. */
export const HEDGE_INTRO = 'FAQ 中没有完全对应的条目,最接近的是';

/** Opening of a hedged answer the model writes (it may pick another candidate than the closest): said in the text too, for clients that show only the text. */
export const MODEL_HEDGE_INTRO = 'FAQ 中没有完全对应的条目,以下是最接近的内容:';

/** Opening of a hedged follow-up: the entry is the conversation's topic, but may not answer what the follow-up adds. */
export const FOLLOW_UP_HEDGE_INTRO = '结合上文,最相关的条目是';
export const FOLLOW_UP_HEDGE_CHECK = '请核对是否对应您的追问。';

/** Opening of a hedge on an entry whose solution is empty: the entry matches, but answers nothing. */
export const EMPTY_ENTRY_INTRO = 'FAQ 中有对应的条目,但没有写明解决方法';

export const SUGGESTIONS_HEADING = '您是不是想问:';

export const RELATED_TOPICS_HEADING = '可能相关的主题:';

export const TWO_ENTRIES_INTRO = '这个问题涉及以下两条 FAQ:';

/** Shown above the part of an entry that answers a follow-up. */
export const PART_NOTE = '以下为该条目中与追问相关的部分,完整内容见所引条目。';

/** Shown in place of an answer when answering failed for a reason that is not the user's. */
/** Shown under an answer whose stream ended before its final part came (a server stopped mid-answer, a connection cut). */
export const ANSWER_INTERRUPTED_TEXT = '回答中断:没有收到完整答案,以上内容可能不全,请点击「重新回答」重试。';
export const ANSWER_FAILED_TEXT = '抱歉,生成答案时出现问题,请稍后重试。如问题紧急,请直接查阅 FAQ 或联系业务同事。';

export const GENERIC_ERROR_TEXT = '服务内部错误,请稍后再试。';

export const NOTICE_TEXT = {
  upstream_failed: '模型服务暂时不可用,以下为根据 FAQ 原文整理的离线答案。',
  uncited_replaced: '模型的回答未能引用 FAQ 条目,已改为根据 FAQ 原文整理的离线答案。',
  direct_match: '问题与 FAQ 条目高度匹配,直接给出原文答案(未调用模型)。',
  set_aside: '消息中要求我执行操作、提供他人信息或改变回答方式的内容已忽略,以下仅根据 FAQ 回答其中的问题。',
  unsafe_replaced: '模型的回答包含不应输出的内容,已改为根据 FAQ 原文整理的离线答案。',
  interrupted: '回答过程中页面被关闭或刷新,模型回答已中止;以下为根据 FAQ 原文整理的离线答案。',
  abstain_overruled: '模型认为检索到的条目不能回答该问题,但条目与问题高度吻合:以下为根据 FAQ 原文整理的离线答案,请核对。',
} as const;

/** Shown when the model's reply named entries or links that were not retrieved (`invented_replaced`). */
export function inventedReplacedText(items: string[]): string {
  return `模型的回答提到了检索结果之外的内容(${items.join('、')}),无法核实,已改为根据 FAQ 原文整理的离线答案。`;
}

/** Labels of the three decisions, as the chat and the admin pages show them. */
export const DECISION_LABEL = { answer: '可回答', hedge: '不确定', refuse: 'FAQ 未收录' } as const;

/** Above a refusal in the chat. */
export const REFUSE_LABEL = 'FAQ 中未收录';

/** Above a hedged answer: the entry shown is the closest, not an exact match. */
export const HEDGE_LABEL = '最接近的条目 · 可能不完全对应您的问题';

/** The server's reply to a question over the length limit. */
export function questionTooLongText(limit: number): string {
  return `问题过长(上限 ${limit} 字),请精简后重试。`;
}

/** The composer's warning while the question is over the length limit; nothing is sent until it is trimmed. */
export function questionOverLimitText(count: number, limit: number): string {
  return `问题过长:已输入 ${count} 字,上限 ${limit} 字,请删减 ${count - limit} 字后再发送。`;
}
/** Why an answer was voted 👎, as the feedback form offers it. */
export const FEEDBACK_REASON_LABEL = {
  wrong_citation: '引用错误',
  incomplete: '答案不完整',
  off_topic: '没回答我的问题',
  other: '其他',
} as const;
