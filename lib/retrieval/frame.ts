/**
 * What frames a question without being part of it, as staff type in a chat: a mention (@客服小王), a
 * placeholder for a picture ([图片]), a greeting to the reader (老师好,), urgency (急!!! 在线等), who passed the
 * question on (客户反映:, 领导让我问一下,), thanks at the end, and long numbers (a merchant's or a phone number).
 * They are language, not any FAQ's vocabulary; left in, they read as words the entry does not explain. Read after
 * `readTyped` (lib/retrieval/simplified.ts): full-width marks (，！：) arrive as their ASCII forms.
 */
const MENTION = /@[^\s@,:]{1,12}\s*/g;
const PLACEHOLDER = /[[【](图片|表情|动画表情|语音|视频|文件|链接|截图)[\]】]/g;
const GREETING = /^\s*(各位|老师|师傅|亲|亲们|同事们?|大佬们?|客服|小姐姐|小哥哥)(好|您好|你好)?\s*[,!~]+\s*/;
const URGENCY = /(急急急|急急|加急|紧急|急)!+|在线等|挺急的|急求/g;
const PASSED_ON = /^\s*(客户|商户|老板|店主|门店|业务员|同事|领导)(那边)?(反映|反馈|来电|打电话说|说|问|咨询|让我问(一下|下)?)\s*[:,]\s*/;
const THANKS = /[,\s]*(谢谢|多谢|感谢|thx|thanks)[!~。.]*\s*$/i;
/**
 * A number of 11 digits or more standing alone: a phone, merchant or ID number says nothing about what goes wrong. Shorter
 * numbers may be codes (0x80070005, 3000001), and so may numbers inside a word.
 */
const LONG_NUMBER = /(?<![0-9a-z])\d{11,}(?!\d)/gi;

/**
 * The question without its frame; what is left when nothing else is, is the question as typed.
 *
 * @example
 * stripFrame('@客服小王 老师好,急!!!商户号821330058120001挥卡报03 谢谢!') // '商户号挥卡报03'
 */
export function stripFrame(question: string): string {
  const q = question
    .replace(MENTION, '')
    .replace(PLACEHOLDER, ' ')
    .replace(GREETING, '')
    .replace(URGENCY, ' ')
    .replace(PASSED_ON, '')
    .replace(THANKS, '')
    .replace(LONG_NUMBER, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return q === '' ? question.trim() : q;
}
