import { textSize } from '../text/size';

/**
 * Services, platforms and personal affairs that belong to the rest of the world: shopping and travel apps, social
 * networks, games, personal finance, public services, office software. A question about one the FAQ never
 * mentions (「淘宝退款多久到账」「QQ号被冻结了怎么解冻」「I forgot my Gmail password」) is about something else, even when it
 * uses the FAQ's words (退款, 冻结, 密码): the closest entry is not offered. Checked against the corpus, so an FAQ
 * that does mention one (an IT service desk and Windows) keeps it. General knowledge, not any FAQ's vocabulary.
 */
const CHINESE_NAMES = [
  // Shopping, delivery, travel and ride apps.
  '淘宝 天猫 京东 拼多多 闲鱼 唯品会 得物 苏宁 美团 饿了么 大众点评 滴滴 高德 携程 去哪儿 飞猪 同程 12306 机票 火车票 高铁票 酒店预订',
  // Social networks, video, music and games.
  'QQ 微博 抖音 快手 小红书 知乎 B站 哔哩哔哩 豆瓣 爱奇艺 优酷 腾讯视频 芒果TV 网易云 QQ音乐 酷狗 王者荣耀 和平精英 原神 英雄联盟 游戏账号 游戏充值',
  // Personal finance and public services.
  '股票 炒股 基金 理财产品 房贷 车贷 医保 社保 公积金 个税 个人所得税 身份证补办 学籍 高考 考研',
  // Personal devices and software, office and meeting software.
  '锁屏密码 开机密码 手机密码 WiFi密码 苹果ID 百度网盘 百度 钉钉 飞书 腾讯会议 WPS',
  // A consumer's own accounts, not a merchant's.
  '手机银行 零钱通 余额宝 个人微信 个人支付宝',
].flatMap((line) => line.split(' '));
const LATIN_NAMES = [
  'Gmail Outlook Hotmail Netflix Spotify YouTube Facebook Instagram WhatsApp TikTok Twitter Amazon eBay PayPal Uber Airbnb',
  'Steam PlayStation Xbox Nintendo Minecraft iCloud Windows macOS Excel PowerPoint Photoshop npm Python Java JavaScript GitHub Docker Linux ChatGPT',
]
  .flatMap((line) => line.split(' '))
  .concat('Apple ID');

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMES = new RegExp(`(${CHINESE_NAMES.map(literal).join('|')})|(?<![A-Za-z])(${LATIN_NAMES.map(literal).join('|')})(?![A-Za-z])`, 'gi');

/** A web address: what a link's host is called (kf.qq.com) is not the FAQ speaking of that service. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s,，。;；、)）」"']+/gi;

/**
 * What the corpus mentions, for namesElsewhere: its text in lower case, web addresses left out (an FAQ that links to a
 * help page on qq.com does not answer questions about QQ).
 *
 * @example
 * mentionsOf('详见 https://kf.qq.com/touch/faq.html') // '详见  '
 */
export function mentionsOf(corpusText: string): string {
  return corpusText.replace(LINK, ' ').toLowerCase();
}

/**
 * Past this size a question has room for context (「我们是做茶叶的小电商,淘宝店开了三年了…」): a name in it is no longer what it asks about.
 */
const MAX_SIZE = 24;

/**
 * The first service or affair of the rest of the world that a short question names and the corpus never mentions, if any.
 *
 * @example
 * namesElsewhere('淘宝退款多久到账', mentionsOf(corpusText)) // '淘宝'
 * namesElsewhere('POS退款多久到账', mentionsOf(corpusText)) // undefined
 */
export function namesElsewhere(question: string, corpusMentions: string): string | undefined {
  if (textSize(question) > MAX_SIZE) return undefined;
  for (const m of question.matchAll(NAMES)) {
    const name = m[0];
    if (!corpusMentions.includes(name.toLowerCase())) return name;
  }
  return undefined;
}
