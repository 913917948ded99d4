import type { Entry } from '../corpus/schema';
import { rng } from '../random';

const PRODUCTS = [
  '收银宝',
  '好老板',
  '当面付',
  '订单POS',
  '普通POS',
  '码牌',
  '小程序收银台',
  '商服平台',
  '运营平台',
  '云闪付',
  '快捷支付',
  '网关支付',
  '聚合支付',
  '分账系统',
  '会员营销',
  '电子发票',
];
const SCENES = ['新进件商户', '集团商户', '代理商', '分公司', '连锁门店', '小微商户', '个体户', '企业商户', '线上商户', '跨境商户', '餐饮门店', '便利店'];
const ACTIONS = ['交易时提示', '对账时发现', '结算时报', '入网时报错', '配置时提示', '退款时提示', '查询时显示', '登录时提示', '签约时报', '授权时提示'];
const SUFFIX = ['怎么处理?', '是什么原因?', '如何解决?', '需要联系谁?', '要多久?', '在哪里查询?', '能否修改?', ''];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Swaps digits (error codes, amounts, days) for others, so entries differ in what matters. */
function perturbNumbers(r: () => number, s: string): string {
  return s.replace(/\d+/g, (m) => String(Math.floor(r() * 10 ** Math.min(m.length, 4))).padStart(Math.min(m.length, 2), '0'));
}

function sentencesOf(entries: Entry[]): string[] {
  return entries
    .flatMap((e) => e.solution.split(/(?<=[。;!\uFF1B\uFF01])|\n/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);
}

/**
 * A deterministic synthetic corpus of `n` entries made from the real ones: questions and
 * solutions recombined from real sentences, with products, scenes, error codes and numbers
 * varied, so vocabulary and lengths resemble the FAQ without copying it.
 */
export function syntheticCorpus(real: Entry[], n: number, seed = 42): Entry[] {
  const r = rng(seed);
  const pool = sentencesOf(real);
  const categories = [...new Map(real.map((e) => [e.category.id, e.category])).values()];
  const counters = new Map<string, number>();
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const t = pick(r, real);
    const category = pick(r, categories);
    const no = (counters.get(category.id) ?? 0) + 1;
    counters.set(category.id, no);
    const question = perturbNumbers(
      r,
      `${pick(r, SCENES)}${pick(r, PRODUCTS)}${pick(r, ACTIONS)}“${t.question.replace(/[??]$/, '').slice(0, 40)}”${pick(r, SUFFIX)}`,
    );
    const solution = Array.from({ length: 1 + Math.floor(r() * 4) }, () => perturbNumbers(r, pick(r, pool))).join('\n');
    const alternatives = t.alternatives.length ? [perturbNumbers(r, `${pick(r, PRODUCTS)} ${pick(r, t.alternatives)}`)] : [];
    out.push({ id: `${category.id}.${no}`, ids: [`${category.id}.${no}`], category, question, solution, line: i + 1, alternatives });
  }
  return out;
}

/** Questions as staff would type them about random synthetic entries, with the entry they come from. */
export function syntheticQueries(entries: Entry[], count: number, seed = 7): { question: string; id: string }[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const e = pick(r, entries);
    const core = e.question
      .replace(/[“”??]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    const kept = core.filter(() => r() > 0.25).join('');
    return { question: `${kept || e.question}${pick(r, ['', '咋办', '怎么回事', '急'])}`, id: e.id };
  });
}
