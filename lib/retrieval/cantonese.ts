import { wordListReader } from './word-list';

/**
 * Written Cantonese read as Mandarin (冇 → 没有, 點樣 → 怎样, 係咪 → 是不是, 佢哋 → 他们): staff in Guangdong and Hong Kong type
 * the words they say, and a FAQ written in Mandarin has none of them, so each one counts against the question as a word the
 * FAQ does not know, and the patterns that find questions (怎么, 是不是, 没有) miss them. Words of the language, not of any FAQ;
 * only forms that are not also Mandarin (bare 系, 点, 呢, 返 and 仲 stay: 系统, 一点, 好呢, 返回, 仲裁; 点 and 仲 are read only before
 * the verbs they ask with). Applied to simplified
 * text (after lib/retrieval/simplified.ts), longest form first. Pure.
 */
const CANTONESE: readonly [string, string][] = [
  ['系唔系', '是不是'],
  ['系咪', '是不是'],
  ['唔系', '不是'],
  ['点样', '怎样'],
  ['点解', '为什么'],
  ['点算', '怎么办'],
  ['点搞', '怎么搞'],
  ['点整', '怎么弄'],
  ['点做', '怎么做'],
  ['点弄', '怎么弄'],
  ['点拣', '怎么选'],
  ['点跟', '怎么跟进'],
  ['点办', '怎么办'],
  ['点睇', '怎么看'],
  ['点改', '怎么改'],
  ['点开', '怎么开'],
  ['点设', '怎么设'],
  ['点查', '怎么查'],
  ['点处理', '怎么处理'],
  ['做乜', '为什么'],
  ['乜嘢', '什么'],
  ['乜野', '什么'],
  ['咩嘢', '什么'],
  ['边个', '谁'],
  ['边啲', '哪些'],
  ['边间', '哪家'],
  ['边度', '哪里'],
  ['边道', '哪里'],
  ['几耐', '多久'],
  ['几时', '什么时候'],
  ['几多', '多少'],
  ['有冇', '有没有'],
  ['可唔可以', '可不可以'],
  ['得唔得', '行不行'],
  ['使唔使', '要不要'],
  ['唔该', '谢谢'],
  ['唔使', '不用'],
  ['唔好', '不要'],
  ['唔得', '不行'],
  ['唔到', '不到'],
  ['佢哋', '他们'],
  ['我哋', '我们'],
  ['你哋', '你们'],
  ['呢个', '这个'],
  ['呢啲', '这些'],
  ['呢度', '这里'],
  ['嗰个', '那个'],
  ['嗰啲', '那些'],
  ['嗰度', '那里'],
  ['而家', '现在'],
  ['同埋', '和'],
  ['入面', '里面'],
  ['退返', '退回'],
  ['依家', '现在'],
  ['啱啱', '刚刚'],
  ['啱晒', '都对'],
  ['搞掂', '搞定'],
  ['铺头', '店铺'],
  ['落单', '下单'],
  ['对数单', '对账单'],
  ['俾钱', '付钱'],
  ['畀钱', '付钱'],
  ['仲有', '还有'],
  ['仲会', '还会'],
  ['仲要', '还要'],
  ['仲可以', '还可以'],
  ['仲未', '还没'],
  ['仲係', '还是'],
  ['仲系', '还是'],
  ['头先', '刚才'],
  ['琴日', '昨天'],
  ['寻日', '昨天'],
  ['听日', '明天'],
  ['得闲', '有空'],
  ['冇', '没有'],
  ['唔', '不'],
  ['咩', '什么'],
  ['乜', '什么'],
  ['嘅', '的'],
  ['咗', '了'],
  ['喺', '在'],
  ['佢', '他'],
  ['啲', '些'],
  ['畀', '给'],
  ['俾', '给'],
  ['睇', '看'],
  ['搵', '找'],
  ['攞', '拿'],
  ['嘢', '东西'],
  ['嚟', '来'],
  ['咁样', '这样'],
  ['咁', '那么'],
  ['瞓', '睡'],
  ['嗰', '那'],
  ['啱', '对'],
  ['揾', '找'],
  ['揸', '拿'],
  // Sentence particles with no Mandarin word: left out.
  ['㗎', ''],
  ['喎', ''],
  ['㖞', ''],
  ['囉', ''],
  ['啰', ''],
  ['嘞', ''],
  ['啩', ''],
];

const readCantonese = wordListReader(CANTONESE);

/**
 * @example
 * cantoneseToMandarin('点解张卡冇反应') // '为什么张卡没有反应'
 */
export function cantoneseToMandarin(text: string): string {
  return readCantonese(text);
}

/**
 * 係 (是) as typed in traditional characters, before they are read as simplified: simplified, it becomes 系 and cannot be told
 * from 系统. Not in 關係/联係 (关系), 干係. Pure.
 *
 * @example
 * cantoneseBeforeSimplifying('如果係個體戶呢') // '如果是個體戶呢'
 */
export function cantoneseBeforeSimplifying(text: string): string {
  return text.replace(/係唔係|係咪/g, '是不是').replace(/(?<![關关聯联干幹])係/g, '是');
}
