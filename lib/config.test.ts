import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { misspeltVariables, parseConfig, runningOn } from './config';
import { ConfigError } from './errors';

describe('store configuration', () => {
  it('uses the embedded store in .data/db with nothing set', () => {
    const c = parseConfig({}, '/srv/app');
    expect(c.store).toEqual({ kind: 'pglite', dataDir: path.resolve('/srv/app', '.data/db') });
    expect(c.log).toEqual({ enabled: true, redact: true, retentionDays: 180 });
    expect(c.admin.password).toBeUndefined();
  });

  it('switches to PostgreSQL with DATABASE_URL, and keeps an in-memory PGlite for DB_DIR=:memory:', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/faq' }).store).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/faq' });
    expect(parseConfig({ DATABASE_URL: ' ' }).store.kind).toBe('pglite');
    expect(parseConfig({ DB_DIR: ':memory:' }).store).toEqual({ kind: 'pglite', dataDir: null });
  });

  it('reads the log and admin switches', () => {
    const c = parseConfig({ LOG_REDACT: 'false', LOG_CONVERSATIONS: 'off', LOG_RETENTION_DAYS: '0', ADMIN_PASSWORD: ' s3cret ' });
    expect(c.log).toEqual({ enabled: false, redact: false, retentionDays: 0 });
    expect(c.admin.password).toBe('s3cret');
  });

  it('names the app 商户 FAQ 助手 unless ASSISTANT_NAME says otherwise, in one line of at most 30 characters', () => {
    expect(parseConfig({}).assistantName).toBe('商户 FAQ 助手');
    expect(parseConfig({ ASSISTANT_NAME: '  ' }).assistantName).toBe('商户 FAQ 助手');
    expect(parseConfig({ ASSISTANT_NAME: ' 人事 FAQ 助手 ' }).assistantName).toBe('人事 FAQ 助手');
    expect(() => parseConfig({ ASSISTANT_NAME: '长'.repeat(31) })).toThrow(/ASSISTANT_NAME/);
    expect(() => parseConfig({ ASSISTANT_NAME: '人事\nFAQ' })).toThrow(ConfigError);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL, in Chinese', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('refuses at start what would fail every request: a TRUST_PROXY word that is no address, a model URL that is no URL, model embeddings without a model', () => {
    expect(() => parseConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY 应为 true、false、代理层数/);
    for (const ok of ['true', '1', 'false', 'loopback', '10.0.0.0/8, 127.0.0.1', 'loopback, uniquelocal'])
      expect(parseConfig({ TRUST_PROXY: ok })).toBeDefined();
    expect(() => parseConfig({ OPENAI_BASE_URL: 'not-a-url' })).toThrow(/OPENAI_BASE_URL 必须是 http:\/\/ 或 https:\/\//);
    expect(() => parseConfig({ OPENAI_BASE_URL: 'ftp://x' })).toThrow(ConfigError);
    expect(parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }).llm?.baseURL).toBe('http://127.0.0.1:8000/v1');
    expect(() => parseConfig({ EMBEDDINGS: 'openai' })).toThrow(/EMBEDDINGS=openai 需要同时配置/);
    // A model answer mode with no model to call (check27 M7); a key alone (OpenAI itself) or a base URL alone (Ollama) is one.
    expect(() => parseConfig({ ANSWER_MODE: 'llm' })).toThrow(/ANSWER_MODE=llm 需要同时配置/);
    expect(parseConfig({ ANSWER_MODE: 'llm', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).llm).not.toBeNull();
    expect(parseConfig({ ANSWER_MODE: 'llm', OPENAI_API_KEY: 'sk-test' }).llm).not.toBeNull();
  });
});

describe('knowledge-base files', () => {
  it('reads this FAQ and its companion files from corpus/ with nothing set', () => {
    const c = parseConfig({}, '/srv/app');
    expect(c.corpusFile).toBe('/srv/app/corpus/faq.txt');
    expect([c.relatedFile, c.dictionaryFile, c.synonymsFile, c.thesaurusFile, c.generatedFile]).toEqual(
      ['related.json', 'dictionary.txt', 'synonyms.txt', 'thesaurus.txt', 'related.generated.json'].map((f) => `/srv/app/corpus/${f}`),
    );
  });

  it('looks for the companion files beside another FAQ given alone, never in corpus/', () => {
    const c = parseConfig({ CORPUS_FILE: '/data/hr/faq.txt' }, '/srv/app');
    expect(c.relatedFile).toBe('/data/hr/related.json');
    expect(c.thesaurusFile).toBe('/data/hr/thesaurus.txt');
    expect(c.generatedFile).toBe('/data/hr/related.generated.json');
  });

  it('takes a companion file that is named, relative to the working directory', () => {
    const c = parseConfig({ CORPUS_FILE: '/data/hr/faq.txt', RELATED_FILE: 'kb/hr-related.json', SYNONYMS_FILE: ' ' }, '/srv/app');
    expect(c.relatedFile).toBe('/srv/app/kb/hr-related.json');
    expect(c.synonymsFile).toBe('/data/hr/synonyms.txt');
  });
});

describe('a misconfigured environment', () => {
  it('says which variable is wrong and why, in Chinese, without zod English', () => {
    const cases: [Record<string, string>, string][] = [
      [{ LLM_TIMEOUT_MS: 'abc' }, '环境变量配置有误:LLM_TIMEOUT_MS 应为数字'],
      [{ LLM_TIMEOUT_MS: '1.5' }, '环境变量配置有误:LLM_TIMEOUT_MS 应为整数'],
      [{ ANSWER_MODE: 'ofline' }, '环境变量配置有误:ANSWER_MODE 只能是 auto、offline、llm 之一'],
      [{ RATE_LIMIT_PER_MINUTE: '-5' }, '环境变量配置有误:RATE_LIMIT_PER_MINUTE 不能小于 0'],
      [{ PORT: '99999' }, '环境变量配置有误:PORT 不能大于 65535'],
      [{ DATABASE_URL: 'mysql://x' }, '环境变量配置有误:DATABASE_URL 必须以 postgres:// 开头'],
    ];
    for (const [env, message] of cases) expect(() => parseConfig(env), message).toThrow(message);
    expect(() => parseConfig({ LLM_TIMEOUT_MS: 'abc', PORT: '-1' })).toThrow('环境变量配置有误:LLM_TIMEOUT_MS 应为数字;PORT 不能小于 0');
  });
});

describe('what the server says at start', () => {
  it('names a variable set under a misspelt name with the one meant, and nothing else in the environment', () => {
    const env = { DATABSE_URL: 'postgres://x', OPENAI_BASEURL: 'http://m', ADMIN_PASSWROD: 'p', PATH: '/bin', HOSTNAME: 'h', LD_LIBRARY_PATH: '/lib' };
    expect(misspeltVariables(env)).toEqual([
      { name: 'DATABSE_URL', meant: 'DATABASE_URL' },
      { name: 'OPENAI_BASEURL', meant: 'OPENAI_BASE_URL' },
      { name: 'ADMIN_PASSWROD', meant: 'ADMIN_PASSWORD' },
    ]);
  });

  it('says which database and answer mode it runs on, never the database password', () => {
    expect(runningOn(parseConfig({ DB_DIR: '/data/db' }, '/srv'))).toBe('数据库:内嵌 PGlite(/data/db);回答:离线');
    const shared = runningOn(
      parseConfig({ DATABASE_URL: 'postgres://faq:secret@db.internal:5432/faq', OPENAI_API_KEY: 'k', OPENAI_CHAT_MODEL: 'qwen' }, '/srv'),
    );
    expect(shared).toBe('数据库:PostgreSQL(db.internal:5432);回答:模型 qwen');
    expect(shared).not.toContain('secret');
  });
});
