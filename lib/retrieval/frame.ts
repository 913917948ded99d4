/**
 * What frames a question without being part of it, as staff type in a chat: a pasted chat's speaker lines (张三
 * 14:00), an emoji code ([捂脸]), a mention (@客服小王), a placeholder for a picture ([图片]), a greeting to the reader (老师好,), urgency (急!!! 在线等, 客户在催), a request to look (帮忙看下), who passed the
 * question on (客户反映:, 领导让我问一下,), thanks at the end, long numbers (a merchant's or a phone number), an acknowledgement
 * opening the message (ok, 好的,) and what dictation by voice input leaves (嗯, 我想问一下, 就是说, pos机呢它…, 报那个零三, a final 啊).
 * They are language, not any FAQ's vocabulary; left in, they read as words the entry does not explain. Read after
 * `readTyped` (lib/retrieval/simplified.ts): full-width marks (，！：) arrive as their ASCII forms.
 */
const MENTION = /@[^\s@,:]{1,12}\s*/g;
/**
 * A pasted chat's speaker lines (「张三 14:00」「华南-阿强 14:04」): who said it when, not what. A short name and a time alone on
 * their line, in a message with two or more such lines (a chat, not 「结算款什么时候到 15:00」); a time inside a sentence
 * (「9:00 前能退款吗」) may be what is asked, and stays.
 */
const SPEAKER_LINE = /^[^\S\n]*[^\s:]{1,12}[^\S\n]+\d{1,2}:\d{2}(?::\d{2})?[^\S\n]*$/gm;
/** WeChat's emoji as typed or pasted in text (「[捂脸]」「[流泪]」「[OK]」): a feeling, not a word of the question. */
const WECHAT_EMOJI =
  '微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 囧 抓狂 吐 偷笑 愉快 白眼 傲慢 困 惊恐 憨笑 悠闲 咒骂 ' +
  '疑问 嘘 晕 衰 骷髅 敲打 再见 擦汗 抠鼻 鼓掌 坏笑 右哼哼 左哼哼 哈欠 鄙视 委屈 快哭了 阴险 亲亲 可怜 笑脸 生病 脸红 破涕为笑 恐惧 失望 ' +
  '无语 嘿哈 捂脸 奸笑 机智 皱眉 耶 吃瓜 加油 汗 天啊 Emm 社会社会 旺柴 好的 打脸 哇 翻白眼 666 让我看看 叹气 苦涩 裂开 嘴唇 爱心 心碎 ' +
  '拥抱 强 弱 握手 胜利 抱拳 勾引 拳头 OK 合十 啤酒 咖啡 蛋糕 玫瑰 凋谢 菜刀 炸弹 便便 月亮 太阳 庆祝 礼物 红包 發 福 烟花 爆竹 猪头 跳跳 发抖 转圈';
const EMOJI_CODE = new RegExp(`\\[(?:${WECHAT_EMOJI.split(' ').join('|')})\\]`, 'gi');
/** A placeholder for what was pasted (「[图片]」), or for a number the log or the model was not shown (「[商户号]」, lib/text/redact.ts). */
const PLACEHOLDER = /[[【](图片|表情|动画表情|语音|视频|文件|链接|截图|商户号|终端号|身份证号|信用代码|证件号|号码|手机号|电话号码)[\]】]/g;
const GREETING = /^\s*(各位|老师|师傅|亲|亲们|同事们?|大佬们?|客服|小姐姐|小哥哥)(好|您好|你好)?\s*[,!~]+\s*/;
const URGENCY = /(急急急|急急|加急|紧急|急)!+|在线等|挺急的|急求|[,\s]*(客户|商户|老板|店主)(一直|又|还)?在催(了|呢)?(?=$|[,.!?\s])/g;
/** Asking someone to look (「谁能帮忙看下」「麻烦帮我看一下」): who is asked, not what; not the 下 of 下载, 下面, 下单. */
const LOOK_AT_IT = /(谁能|谁可以|麻烦|请)?帮(忙|我)?(看|瞧)(一)?下(?![载面单午班来去发架线])(吧|呀|啊)?/g;
const PASSED_ON = /^\s*(客户|商户|老板|店主|门店|业务员|同事|领导)(那边)?(反映|反馈|来电|打电话说|说|问|咨询|让我问(一下|下)?)\s*[:,]\s*/;
const THANKS = /[,\s]*(谢谢|多谢|感谢|thx|thanks)[!~。.]*\s*$/i;
/**
 * What dictation by voice input leaves in a question (「嗯那个我想问一下就是退款的话呢一般多久能到账啊」): hesitations (嗯, 呃),
 * lead-ins (我想问一下, 请问一下, 就是说, 怎么说呢, 然后呢), a topic's pause (pos机呢它…: 呢 before more of the sentence) and a
 * final 啊. Not 那个 or 这个, which point back at the conversation (lib/answer/leaning.ts reads this text too).
 */
const HESITATION = /(嗯+|呃+|(我)?想问(一)?下|我想问问|请问(一)?下|(顺便|另外)(问|请教)(一)?下|就是说|怎么说呢|你看啊|然后呢)[,\s]*/g;
/**
 * 呢 as a topic's pause: after 的话 or 时候, before a comma or space, or before who does something (「退款的话呢一般…」「pos机呢它…」),
 * not in a word (毛呢).
 */
const PAUSE = /(?:(?<=的话|时候)呢|(?<=\p{Script=Han})呢(?:[,\s]+|(?=[它他她我你])))(?=\p{Script=Han})/gu;
/** 那个 said before a code while it is recalled (「报那个零三」「显示那个 03」): after what shows a code, before two digits. */
const BEFORE_NUMBER = /(?<=(报|显示|提示|返回|错误码|码是))(那个|这个)\s*(?=[零一二三四五六七八九幺\d]{2})/g;
const FINAL_PARTICLE = /(?<=\p{Script=Han})[啊呀]+(?=[?!.。\s]*$)/u;
/**
 * An acknowledgement or thanks opening a message (「ok, how to fix it」「ok how to fix it」「好的,那退款呢」「好的谢谢,报93又咋整」「中,谢了。」):
 * it answers the previous reply, and asks nothing. Followed by a mark, or for ok by English; not 「OK 键按了没反应」 or 「收到 款了没有」.
 */
const ACKNOWLEDGEMENT =
  /^\s*((ok|okay)([,.!~]+\s*|\s+(?=[a-z]))|((好的|好滴|嗯嗯|收到|明白了?|了解|对了|对啦|行|中)(谢谢|谢了|谢啦|多谢)?|(谢谢|谢了|谢啦|多谢|感谢)[哈啊呀哦]?)[,.!~。]+\s*)+(?=\S)/i;
/**
 * A number of 11 digits or more standing alone: a phone, merchant or ID number says nothing about what goes wrong. Shorter
 * numbers may be codes (0x80070005, 3000001), and so may numbers inside a word.
 */
const LONG_NUMBER = /(?<![0-9a-z])\d{11,}(?!\d)/gi;
/**
 * A number a label names (「商户号 821330000123456」「终端号:20012345」「MID=898…」「商户 82133000012345」「终端 20012345」): which
 * merchant or terminal, not what goes wrong (round 26's fresh-clone check: pasted before or after a question, they turned
 * confident answers into hedges). Six digits or more, in groups or not, a letter or two first; the label goes with it, but a
 * word that says which (新商户, 该终端) stays.
 */
const NUMBER_LABEL =
  /(?:商户号|商户编号|商编|终端号|终端编号|(?<![新老该此本这那各子个某每])(?:商户|终端)|\b(?:MID|TID)\b)\s*(?:[:=]|是|为)?\s*[A-Za-z]{0,2}\d{6,}(?:[- ]\d{3,})*/gi;
/** What stands between a ticket's label and its number (「订单号:」「工单#」「参考号是」). */
const AFTER_LABEL = String.raw`\s*(?:[:=#]|是|为)?\s*`;
/** A case's number as a ticket gives it: letters, digits and dashes, four digits or more, perhaps after a #. */
const CASE_NUMBER = String.raw`#?(?=[A-Za-z0-9-]*(?:\d[A-Za-z-]*){4})[A-Za-z0-9][A-Za-z0-9-]*`;
/**
 * The number a pasted ticket gives a case, an order, a reference or a device (「订单号 T20261201000123」「参考号 123456789012」「凭证号
 * 000123」「SN:QM8K21034567」): which one, not what goes wrong. The number goes, a run of letters, digits and dashes with four digits
 * or more; its label stays, as it may be what is asked about (「商户订单号重复」, round 27's review). Not after a label inside words,
 * as an error's text has it (「非法订单号3000001」), and not a WeChat mchid, whose number an entry may give (「mchid 1501244881」).
 */
const TICKET_NUMBER = new RegExp(
  String.raw`(?<=(?<!\p{Script=Han})(?:单号|订单号|商户订单号|流水号|参考号|凭证号|批次号|交易号|交易单号|序列号|\b(?:SN|order\s*(?:id|no\.?))\b)${AFTER_LABEL})${CASE_NUMBER}`,
  'giu',
);
/** The ticket's own number, with its label (「工单#20261204-0087」「工单号:A123456」): how the case is filed, never what is asked. */
const TICKET_ID = new RegExp(String.raw`(?:工单号?|ticket)${AFTER_LABEL}${CASE_NUMBER}`, 'giu');
/**
 * A phone number a ticket gives: with whom to call back, the label goes too (「联系人手机 139 1234 5678」「店长电话18600001111」); after
 * a label alone, only the number (「法人手机号13800001111换了怎么改」「客服电话 02158881234 不能为空」 ask about the phone; round 27's
 * review).
 */
const PHONE_NUMBER = '(?:\\+?86[\\s-]?)?(?:1[3-9]\\d(?:[\\s-]?\\d{4}){2}|0\\d{2,3}[\\s-]?\\d{7,8})(?!\\d)';
const CALL_BACK = new RegExp(`(?:联系人|店长|老板|老板娘|客户|顾客)(?:的)?(?:电话|手机号?|座机|联系方式)\\s*[:=]?\\s*${PHONE_NUMBER}`, 'g');
const CONTACT = new RegExp(`(?<=(?:电话|手机号?|座机|联系方式)\\s*[:=]?\\s*)${PHONE_NUMBER}`, 'g');
/** A ticket's tag opening it (「【工单】」「【转单】」「[加急]」): how the case came in. */
const TICKET_TAG = /^\s*(?:[【[](?:工单|转单|加急|紧急|投诉|咨询|催办|回访|升级)[】\]]\s*)+/;

/** A mainland mobile number written in groups or with its country code (「+86 138 1234 5678」「86-138-1234-5678」「138 1234 5678」). */
const PHONE = /(?<![0-9a-z])(?:\+?86[\s-]?)?1[3-9]\d[\s-]\d{4}[\s-]\d{4}(?!\d)|(?<![0-9a-z])\+?86[\s-]?1[3-9]\d{9}(?!\d)/gi;

/**
 * The question without its frame; what is left when nothing else is, is the question as typed.
 *
 * @example
 * stripFrame('@客服小王 老师好,急!!!商户号821330058120001挥卡报03 谢谢!') // '商户号挥卡报03'
 */
export function stripFrame(question: string): string {
  const chat = (question.match(SPEAKER_LINE) ?? []).length >= 2;
  const q = (chat ? question.replace(SPEAKER_LINE, ' ') : question)
    .replace(EMOJI_CODE, ' ')
    .replace(MENTION, '')
    .replace(PLACEHOLDER, ' ')
    .replace(GREETING, '')
    .replace(URGENCY, ' ')
    .replace(LOOK_AT_IT, ' ')
    .replace(PASSED_ON, '')
    .replace(THANKS, '')
    .replace(ACKNOWLEDGEMENT, '')
    .replace(HESITATION, ' ')
    .replace(PAUSE, ' ')
    .replace(BEFORE_NUMBER, '')
    .replace(FINAL_PARTICLE, '')
    .replace(TICKET_TAG, '')
    .replace(TICKET_ID, ' ')
    .replace(CALL_BACK, ' ')
    .replace(CONTACT, ' ')
    .replace(TICKET_NUMBER, ' ')
    .replace(NUMBER_LABEL, ' ')
    .replace(PHONE, ' ')
    .replace(LONG_NUMBER, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Nothing but marks left (「然后呢?」「嗯?」): the question as typed.
  return /[\p{L}\p{N}]/u.test(q) ? q : question.trim();
}
