/**
 * The command-line tools as an engineer meets them: the real scripts spawned with
 * `node --import tsx`. Help, usage errors and failures load none of the heavy modules,
 * so most of these take about a second each; they run concurrently.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
let tmp: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, INDEX_DIR: path.join(tmp, 'never-written'), ...opts.env };
  delete env.DEBUG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

const STACK = /^\s+at /m;

/** Every script, its options as help must list them, and one bad value for it. */
const SCRIPTS: { script: string; options: string[]; defaults: string[]; bad: string[]; required?: string[] }[] = [
  { script: 'scripts/ingest.ts', options: ['--check', '--strict', '--json'], defaults: [], bad: ['faq.txt'] },
  { script: 'scripts/ask.ts', options: ['--k', '--mode', '--json', '--batch', '--explain'], defaults: ['--k'], bad: ['--k', 'abc', '问题'] },
  {
    script: 'evals/run.ts',
    options: ['--dataset', '--suite', '--all', '--mode', '--json', '--out', '--judge', '--compare'],
    defaults: ['--dataset', '--mode'],
    bad: ['--mode', 'foo'],
  },
  { script: 'scripts/bench.ts', options: ['--quick', '--store', '--json'], defaults: [], bad: ['--quick', '10k'] },
  {
    script: 'scripts/bench-worker.ts',
    options: ['--size', '--m', '--efc', '--dim', '--queries', '--efs'],
    defaults: ['--m', '--efc', '--queries', '--efs'],
    bad: ['--size', '1000', '--efs', '16,x'],
    required: ['--size', '1000'],
  },
  { script: 'scripts/kb-export.ts', options: ['--json'], defaults: [], bad: ['extra'] },
  { script: 'scripts/ablate.ts', options: ['--suites'], defaults: ['--suites'], bad: ['extra'] },
  { script: 'scripts/fit.ts', options: ['--dry-run', '--profile', '--max-refused'], defaults: ['--max-refused'], bad: ['--max-refused', '2'] },
  {
    script: 'scripts/enrich.ts',
    options: ['--count', '--ids', '--force', '--concurrency', '--json'],
    defaults: ['--count', '--concurrency'],
    bad: ['--count', '0'],
  },
  { script: 'scripts/soak.ts', options: ['--minutes', '--connections', '--json'], defaults: ['--minutes', '--connections'], bad: ['--connections', '0'] },
];
const COMMON = ['--verbose', '--version', '--help'];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'faq-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.concurrent.each(SCRIPTS)('$script', ({ script, options, defaults, bad, required = [] }) => {
  it('--help exits 0, lists exactly its options with their defaults, and shows an example', async () => {
    const { code, stdout, stderr } = await run(script, ['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const listed = [...stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...options, ...COMMON].sort());
    for (const o of defaults) expect(stdout).toMatch(new RegExp(`^ {2}(-\\w, )?${o} [^\\n]*(\\n {10,}[^\\n]*)*(\\(|, )default:`, 'm'));
    expect(stdout).toMatch(/Examples:\n {2}\S/);
  });

  it('an unknown option exits 2 with one line and no stack', async () => {
    const { code, stdout, stderr } = await run(script, [...required, '--no-such-option']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^error: unknown option '--no-such-option'/)]);
    expect(stderr).not.toMatch(STACK);
  });

  it('a bad value exits 2 with one line and no stack', async () => {
    const { code, stdout, stderr } = await run(script, bad);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: .*(invalid|too many arguments)/);
    expect(stderr).not.toMatch(STACK);
  });
});

describe.concurrent('shared behaviour', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await run('scripts/ask.ts', ['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('a runtime failure exits 1 with one Chinese line; --verbose adds the stack', async () => {
    const plain = await run('evals/run.ts', ['--compare', 'no-a.json', 'no-b.json']);
    expect(plain.code).toBe(1);
    expect(plain.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^错误:找不到文件 no-[ab]\.json$/)]);
    const verbose = await run('evals/run.ts', ['--compare', 'no-a.json', 'no-b.json', '--verbose']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(STACK);
  });

  it('ask without a question exits 2 with one line', async () => {
    const { code, stderr } = await run('scripts/ask.ts', [], { input: '  \n' });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual(['error: the question is empty (see --help)']);
  });
});

describe('ingest --check', () => {
  it('on a broken copy of the FAQ exits non-zero, lists the lines and writes no index', async () => {
    const dir = await mkdtemp(path.join(tmp, 'broken-'));
    const lines = (await readFile(path.join(root, 'corpus/faq.txt'), 'utf8')).split('\n');
    const solution = lines.findIndex((l) => l.startsWith('解决方法'));
    lines[solution] = '这一行本该是解决方法';
    lines.splice(40, 0, 'FAQ2.3');
    await writeFile(path.join(dir, 'faq.txt'), lines.join('\n'));
    await writeFile(path.join(dir, 'related.json'), '{\n  "FAQ2.5": [\n    "挥卡报03",\n  ]\n}\n');
    await copyFile(path.join(root, 'corpus/synonyms.txt'), path.join(dir, 'synonyms.txt'));
    const before = await readdir(dir);
    const indexDir = path.join(dir, 'index');
    const env = { CORPUS_FILE: path.join(dir, 'faq.txt'), RELATED_FILE: path.join(dir, 'related.json'), INDEX_DIR: indexDir };

    const { code, stdout, stderr } = await run('scripts/ingest.ts', ['--check'], { env });
    expect(code).toBe(1);
    const errors = stdout.split('\n').filter((l) => l.includes(': 错误:'));
    expect(errors).toContain(`${path.join(dir, 'faq.txt')}:2: 错误:FAQ1.1 缺少“解决方法:”`);
    expect(errors.some((l) => l.startsWith(`${path.join(dir, 'faq.txt')}:41: 错误:`))).toBe(true);
    expect(errors).toContain(`${path.join(dir, 'related.json')}:4:3: 错误:不是合法的 JSON:此处应为一个值(是否多了一个逗号或少了值?)`);
    expect(stderr).toMatch(/^检查未通过:\d+ 个条目,\d+ 个错误/);
    expect(existsSync(indexDir)).toBe(false);
    expect(await readdir(dir)).toEqual(before);
  });

  it('on the real FAQ exits 0 (warnings only), --json stays parseable, --strict fails on the warnings', async () => {
    const [plain, json, strict] = await Promise.all([
      run('scripts/ingest.ts', ['--check']),
      run('scripts/ingest.ts', ['--check', '--json']),
      run('scripts/ingest.ts', ['--check', '--strict']),
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('corpus/faq.txt:669: 警告:FAQ9.15 的解决方法为空');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, entries: 112, errors: 0, warnings: 3 });
    expect(strict.code).toBe(1);
    expect(existsSync(path.join(tmp, 'never-written'))).toBe(false);
  });
});

describe('ask', () => {
  it('--batch --json --explain prints one JSON object per stdin line with the decision and every score', async () => {
    const { code, stdout } = await run('scripts/ask.ts', ['--batch', '--json', '--explain', '--k', '3', '--mode', 'offline'], {
      env: { INDEX_DIR: path.join(tmp, 'ask-index') },
      input: '挥卡报03无效商户怎么办\n\n今天天气怎么样\n',
    });
    expect(code).toBe(0);
    const [hit, miss, ...rest] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rest).toEqual([]);
    expect(hit.retrieval).toMatchObject({ decision: 'answer', answerIds: ['FAQ2.5'], thresholds: { answer: expect.any(Number), hedge: expect.any(Number) } });
    expect(Object.keys(hit.retrieval.signals).length).toBeGreaterThan(0);
    expect(hit.hits).toHaveLength(3);
    expect(hit.hits[0]).toMatchObject({
      id: 'FAQ2.5',
      rank: 1,
      scores: { vector: expect.any(Number), keyword: expect.any(Number), fused: expect.any(Number), coverage: expect.any(Number) },
    });
    expect(miss).toMatchObject({ question: '今天天气怎么样', decision: 'refuse', citations: [], mode: 'offline' });
  }, 120_000);
});
