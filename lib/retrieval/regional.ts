import { wordListReader } from './word-list';

/**
 * Regional wording read as Mandarin, as lib/retrieval/cantonese.ts reads written Cantonese: staff from the north-east, Henan and
 * Shandong (俺, 嘎哈, 老鼻子, 中不中, 瞅, 木有, 忒, 没招), the south-west and the middle Yangtze (啥子, 咋个, 莫得, 么子, 冒得, 何解, 么样, 啵, 哒), Shanghai (阿拉, 侬,
 * 辰光, 是勿是, 好伐, 伊, 寻勿着, 哪能回事) and Taiwan (软体, 网路, 简讯, 串接, 登入, 程式) type the words they say, and a Mandarin FAQ has none of them:
 * each counts against the question as a word the FAQ does not know. Words of the language, not of any FAQ, and only forms that
 * are not also ordinary Mandarin (晓得, 咋, 寻思 and 哪能 are: 在哪能看; 钞票 is read as the everyday 钱); forms that can be part of an ordinary word are read
 * only where they cannot be (GUARDED). Applied to simplified text (after lib/retrieval/simplified.ts), longest form first. Pure.
 */
const REGIONAL: readonly [string, string][] = [
  // North-east, Henan, Shandong.
  ['俺们', '我们'],
  ['俺', '我'],
  ['嘎哈', '干什么'],
  ['干哈', '干什么'],
  ['老鼻子', '很多'],
  ['瞅', '看'],
  ['忒', '太'],
  // South-west (Sichuan, Chongqing, Guizhou, Yunnan), Hubei and Hunan.
  ['啥子', '什么'],
  ['咋个', '怎么'],
  ['莫得', '没有'],
  ['莫有', '没有'],
  ['搞不醒豁', '搞不懂'],
  // Shanghai and Wu.
  ['啥辰光', '什么时候'],
  ['辰光', '时候'],
  ['侬', '你'],
  ['是勿是', '是不是'],
  ['好勿好', '好不好'],
  ['勿晓得', '不知道'],
  ['勿来事', '不行'],
  ['呒没', '没有'],
  ['嘸没', '没有'],
  ['迭个', '这个'],
  ['搿个', '这个'],
  ['搿', '这'],
  ['今朝', '今天'],
  ['啥个', '什么'],
  ['啥物事', '什么东西'],
  ['啥人', '谁'],
  ['咋话', '怎么'],
  ['里厢', '里面'],
  ['一眼眼', '一点点'],
  ['俚拉', '他们'],
  ['倷', '你'],
  ['阿好', '可不可以'],
  ['阿是', '是不是'],
  ['阿有', '有没有'],
  ['阿能', '能不能'],
  ['阿要', '要不要'],
  ['阿会', '会不会'],
  ['有啥两样', '有什么区别'],
  // Taiwan: the words Taiwan uses for what the mainland calls otherwise.
  ['软体', '软件'],
  ['网路', '网络'],
  ['简讯', '短信'],
  ['串接', '对接'],
  ['登入', '登录'],
  ['伺服器', '服务器'],
  ['列印', '打印'],
  ['萤幕', '屏幕'],
  ['行动支付', '移动支付'],
];

/** The end of a sentence that asks: a question mark or other mark next, or nothing. */
const AT_SENTENCE_END = '(?=\\s*[?!.,。？！，]|\\s*$)';

/** Wu words that are also parts of Mandarin ones, as GUARDED reads them and as WU finds a text to be Wu: one pattern each. */
const WU_FU = '(?<![托杰奥])弗(?![兰吉洛里雷朗莱逊])';
const WU_WU = '(?<![请切务])勿(?![忘扰用])';
const WU_ALA = '阿拉(?![伯善斯丁木尔山])';
const WU_LI = '俚(?![语俗])';
const WU_SHATI = '啥体(?![验积系制育检])';

/**
 * Words read only where they cannot be part of an ordinary word: [pattern, word, Mandarin]. 阿拉 (we) but not 阿拉伯, 阿拉善,
 * 阿拉斯加, 阿拉丁, 阿拉木图, 阿拉尔, 阿拉山口; 中不中 only where it asks (not 过程中不中断); 冒得 but not 感冒得很; 勿要 but not
 * 请勿要求; 么子 but not 什么子商户号; 伊拉 but not 伊拉克; 程式 but not 方程式; 勿 (not: 收勿了, 勿是, 寻勿着) but not the
 * written Mandarin 请勿, 切勿, 务勿, 勿忘, 勿扰, 勿用; 伐 asking at the end of a sentence (好伐? 再打一趟伐?), not 征伐, 步伐 or
 * another word ending in 伐 (盗伐, 笔伐); 伊 (he) only before what he does or is (伊讲, 伊勿是), not in 伊利, 伊春, 伊藤, 新年伊始,
 * 木乃伊, 利诺伊; 寻 (look for: 寻勿着) but not 寻找, 寻求, 寻常, 寻思, 搜寻, 追寻, 找寻, 探寻; 哪能 (how) only before what it asks
 * how of (哪能回事, 哪能弄), not 在哪能看 or 在哪能弄 (where can).
 * (Round 22: on dev22's Wu questions, in-scope refusals 16 → 8 of 162; nothing else on the training and rules sets moved but
 * two more of dev16's Wu questions answered.)
 */
const GUARDED: readonly [string, string, string][] = [
  [WU_ALA, '阿拉', '我们'],
  [`中不中${AT_SENTENCE_END}`, '中不中', '行不行'],
  // North-east and Henan: 木有 (no) but not 红木有限公司; 没招 (no way) but not 没招行的卡, 没招商, 没招聘, 没招到人.
  ['木有(?!限)', '木有', '没有'],
  ['没招(?![行商聘到标生收])', '没招', '没办法'],
  ['(?<!感)冒得', '冒得', '没有'],
  ['勿要(?!求)', '勿要', '不要'],
  ['(?<![什怎这那多要])么子', '么子', '什么'],
  ['伊拉(?!克)', '伊拉', '他们'],
  ['(?<!方)程式', '程式', '程序'],
  [WU_WU, '勿', '不'],
  [`(?<![步征讨采砍杀北攻诛盗笔挞])伐${AT_SENTENCE_END}`, '伐', '吗'],
  ['(?<![乃诺])伊(?=勿|讲|是|个|也|还|要|说|在|跟|拿|问|觉得|晓得|不|没|就|想|已经|刚)', '伊', '他'],
  ['(?<![搜追找探])寻(?![找求常思呼址觅味衅])', '寻', '找'],
  ['(?<![在去到从来])哪能(?=回事|弄|办|搞|做|去弄|去办)', '哪能', '怎么'],
  // Suzhou, Hangzhou, Ningbo and Shanghai (round 24, from dev26), each only where the Mandarin with the same characters cannot be:
  // 弗 (not), not in names (弗兰克, 弗吉尼亚, 克里斯托弗, 杰弗逊); 物事, 啥体 and 里向 not inside 人物事迹, 购物事宜, 啥体验, 从里向外;
  // 拨 (give) only after what is given back or not (退拨, 还拨, 弗拨) or before whom (拨客人, 拨伊), not 回拨, 重拨, 拨客服电话, 拨入,
  // 拨给, 拨码, 拨打, 拨号, 拨款, 拨付 or 拨报 (播报 mistyped); 搭 (and) only comparing two things (撤销搭退款有啥两样, 主体搭店名
  // 对弗上), not 搭测试环境, 买一搭一, 穿搭, 混搭; 一道 (together) only before what is done together (一道交, 一道办), not 一道审核,
  // 一道手续, 统一道歉; 是哇 asking at the end of a sentence; 俚 (he) but not 俚语, 俚俗; 牢 (fast: 冻牢, 锁牢, 管牢) after the verb
  // it completes, not 牢固, 牢靠, 牢骚, 牢房; 脱 (away: 录错脱, 付脱) ending what it completes, not 脱离, 脱敏, 摆脱; 嘎 (so: 嘎奇怪)
  // but not 嘎哈 (north-east, above), 那嘎达, 嘎吱, 嘎嘎, 嘎嘣, 嘎然; 咯 ending a sentence; 钞票, Mandarin too, as the everyday 钱,
  // but not 验钞票 or 假钞票; 个 (of) after what completes a verb (汇过去个钞票, 冻牢个单子), not 个把月, 个多月, 个小时 (and, in a
  // text that is Wu, between two words: WU_OF below). Read as 的 everywhere, 个 moved questions on over a dozen training and rules
  // sets: Mandarin puts it after as many verbs (问个事, 开个户, 换个地方) as Wu after nouns. On dev26: refused 21.2 → 4.7 % in all.
  [WU_FU, '弗', '不'],
  ['(?<![人货购动植])物事(?![迹宜件])', '物事', '东西'],
  [WU_SHATI, '啥体', '什么'],
  ['(?<![从由往])里向(?![外])', '里向', '里面'],
  ['(?<=[退还送寄付弗勿不])拨(?![打号款付通动开报])|拨(?=客人|顾客|商户|店家|老板|伊|侬|阿拉|我|你|他|她)', '拨', '给'],
  ['(?<=[\\u4e00-\\u9fff])搭(?=[^,.!?;\\s]{1,10}?(有啥两样|有什么区别|有啥区别|一样|区别|对不上|对勿上|对弗上|对勿牢|对弗牢|对不牢))', '搭', '和'],
  ['(?<![统])一道(?=交|提交|办|弄|做|去|来|走|付|退|处理|申请|开|用|算|收|报)', '一道', '一起'],
  [`是哇${AT_SENTENCE_END}`, '是哇', '是吗'],
  [WU_LI, '俚', '他'],
  ['(?<=[冻锁卡管扣封关绑套盯看记])牢(?![固靠骚房狱笼])', '牢', '住'],
  ['(?<=[错掉忘删丢付用花退])脱(?=了|\\s*[?!.,。？！，]|\\s*$)', '脱', '掉'],
  ['(?<![那哪这])嘎(?![哈吱嘎巴达嘣然])', '嘎', '这么'],
  [`咯${AT_SENTENCE_END}`, '咯', ''],
  ['(?<![验假])钞票', '钞票', '钱'],
  ['(?<=过去|过来|出来|进来|进去|回来|回去|下来|上来|上去|[牢脱])个(?![体人税别性数儿月把多]|小时|礼拜|星期|钟头)', '个', '的'],
  // Hunan and Hubei (round 26, from dev28): 么样 (how: 么样搞) but not 怎么样, 什么样, 甚么样, 这么样, 那么样, 多么样; 啵 asking at the end of a
  // sentence (要重新进件啵?); 哒 (a verb done: 补哒, 开哒) after a character, not in 么么哒, 哒哒, 好哒, 对哒, 萌萌哒, 嘀哒.
  ['(?<![怎什这那多要甚])么样', '么样', '怎么'],
  // 何解 (why) asking, at the end of a sentence or before a particle, not in 如何解决, 如何解除, 任何解释 (round 26's review).
  [`(?<![如任为])何解(?=[呢啊咯哦]|${AT_SENTENCE_END.slice(3, -1)})`, '何解', '为什么'],
  [`啵${AT_SENTENCE_END}`, '啵', '吗'],
  ['(?<=[\\u4e00-\\u9fff])(?<![么哒好对萌嘀滴])哒(?!哒)', '哒', '了'],
  // South-west: 好久 asks how long before what is waited for (「退款好久到账」「好久能解冻」); in Mandarin it is a long time (等了好久, 好久没到).
  [
    '(?<![了等很太这那有要已经都又也])好久(?=能|可以|到|生效|解冻|退|出来|回来|审|通过|开通|下来|有结果|处理|弄好|搞好)(?![^,.!?\\s]{0,4}?(不|没))',
    '好久',
    '多久',
  ],
];

const readRegional = wordListReader(REGIONAL, GUARDED);

/** Words only Wu writes (弗, 勿 outside 请勿…, 侬, 阿拉 as we, 哪能, 辰光, 俚, 啥体, 覅, 搿, 咋话, 是哇, 阿好, 阿是, 交关), guarded as GUARDED reads them: the text is Wu. */
const WU = new RegExp([WU_FU, WU_WU, '侬', WU_ALA, '哪能', '辰光', WU_LI, WU_SHATI, '覅', '搿', '咋话', '是哇', '阿好', '阿是', '交关'].join('|'));
/**
 * In a text that is Wu, 个 between two words is its 的 (开户个流程, 收银宝个单子, 小应用个appid): not after a numeral, a
 * demonstrative or a word that counts (一个, 这个, 几个, 每个, 某个, 整个, 各个, 半个, 多个, 好个), nor in 个体, 个人, 个税, 个别, 个性,
 * 个数, 个儿, 个月, 个把, 个多, 个小时, 个礼拜. Read so only there: Mandarin puts 个 after as many verbs (问个事, 开个户) (round 24, dev26).
 */
const WU_OF =
  /(?<=[\u4e00-\u9fff])(?<![一二两三四五六七八九十百千几这那哪每某整各单半多些真好两])个(?![体人税别性数儿月把多]|小时|礼拜|星期|钟头)(?=[\u4e00-\u9fffA-Za-z])/g;

/**
 * @example
 * regionalToMandarin('俺们这个码牌咋个收勿了钱') // '我们这个码牌怎么收不了钱'
 */
export function regionalToMandarin(text: string): string {
  const read = readRegional(text);
  return WU.test(text) ? read.replace(WU_OF, '的') : read;
}
