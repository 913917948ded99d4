/**
 * `npm run ask -- "问题"`: the answer with its sources, from the chat's answer function.
 * Questions come from the arguments or stdin (one per line with --batch, the index loaded once).
 */

import { createInterface } from 'node:readline';
import { text } from 'node:stream/consumers';
import { integer, modeOption } from '../lib/cli/options';
import { createProgram, runProgram, usageError } from '../lib/cli/program';
import { logToStderr } from '../lib/cli/progress';

const program = createProgram({
  name: 'npm run ask --',
  description:
    'Answer a question from the FAQ as the chat does, with the cited entries (引用) and the retrieved ones (检索结果). ' +
    'The question comes from the arguments, or from stdin when none is given.',
  examples: [
    'npm run ask -- "挥卡报03无效商户怎么办"            # the answer and its sources',
    'npm run ask -- --explain --k 10 "退款多久到账"      # every score and the decision (as 命中测试 shows them)',
    'npm run ask -- --json --mode offline "报96"        # one JSON object on stdout',
    'printf "报96\\n退款多久到账\\n" | npm run ask -- --batch --json   # one JSON object per line',
  ],
  notes: `--json prints { question, decision, confidence, hits: [{ id, ids, category, question, score, scores: { vector, keyword, fused, coverage } }],
answer, citations, mode, notices, suggestions }; --explain adds retrieval: { decision, confidence, thresholds, signals, answerIds, suggestionIds }.
Without --json, --batch prints { question, answer } per line. Exit codes: 0 done, 1 failed (message in Chinese), 2 bad usage.`,
})
  .argument('[question...]', 'the question (问题); several words are joined with spaces')
  .option('-k, --k <n>', 'number of entries to retrieve and show (1-20)', integer(1, 20), 5)
  .addOption(modeOption('as configured by ANSWER_MODE'))
  .option('--json', 'print one JSON object per answer on stdout')
  .option('--batch', 'read one question per stdin line and print one JSON object per line')
  .option('--explain', 'show the decision (判定), confidence, thresholds, signals and per-entry vector/keyword/coverage/fused scores');

program.action(async (words, opts) => {
  const question = words.join(' ').trim();
  if (opts.batch && question) usageError(program, '--batch reads questions from stdin; do not also give one as an argument');
  if (!opts.batch && !question && process.stdin.isTTY) usageError(program, 'give a question, e.g. npm run ask -- "挥卡报03无效商户怎么办"');

  // The question first: a missing one is a usage error, found before the runtime is loaded.
  const single = opts.batch ? '' : question || (await text(process.stdin)).trim();
  if (!opts.batch && !single) usageError(program, 'the question is empty');

  // Loaded here so --help and usage errors answer at once; the runtime takes seconds to load.
  const [{ configFromEnv }, { configForMode }, { createRuntime }, { answerQuestion }, { answerJson, answerText }] = await Promise.all([
    import('../lib/config'),
    import('../lib/cli/mode'),
    import('../lib/runtime'),
    import('../lib/answer/answer'),
    import('../lib/cli/answer-output'),
  ]);
  // The FAQ files alone: the database (and its lock on the embedded store) stays the server's.
  const runtime = createRuntime(configForMode(configFromEnv(), opts.mode), { store: null, knowledge: { log: logToStderr } });
  const kb = await runtime.knowledge.get();
  const deps = runtime.answerDeps(kb);
  // The answer function asks for its usual number of hits; --k decides how many are searched and shown.
  const ask = (q: string) => answerQuestion({ question: q }, { ...deps, retrieve: (query) => kb.retrieve(query, { k: opts.k }) });

  if (opts.batch) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      const r = await ask(line.trim());
      const out = opts.json || opts.explain ? answerJson(r, opts) : { question: r.question, answer: r.text };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return;
  }
  const r = await ask(single);
  process.stdout.write(opts.json ? `${JSON.stringify(answerJson(r, opts))}\n` : `${answerText(r, opts)}\n`);
});

await runProgram(program);
