import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config';
import { cutShortIssue, droppedTailIssue, emptiedAnswerIssues, movedEntries, truncatedTailIssue } from '../corpus/cut-short';
import type { AddedAlternative } from '../corpus/entry-key';
import { type Corpus, corpusFileList, loadCorpus } from '../corpus/load';
import type { AlternativesMap } from '../corpus/related';
import { type AppError, CorpusError, type CorpusIssue, IndexError, isAppError } from '../errors';
import { openIndex } from '../index/load';
import type { IndexManifest } from '../index/manifest';
import { createBuildThread } from './build-thread';
import { buildCorpusIndex, openKnowledgeBase } from './ingest';
import { type KnowledgeBase, knowledgeBaseFrom } from './knowledge-base';
import { createSearchThread, type SearchThread, type SearchThreadStatus } from './search-thread';

/**
 * What the admin reads when entries were renumbered under a running server (movedEntries) and alternatives added in the admin pages
 * before round 26 hang on the ids moved: those rows have no entry key (entry-key.ts) and stay on their id; later ones, the
 * related-questions file's (realign.ts) and the generated file's follow their entries.
 */
function renumberedNotice(moved: { from: string; to: string }[]): string {
  const shown = moved
    .slice(0, 3)
    .map((m) => `${m.from}→${m.to}`)
    .join('、');
  const more = moved.length > 3 ? ` 等 ${moved.length} 条` : '';
  return `条目编号有变动(${shown}${more}):较早在后台添加的部分相似问题(未记录条目内容)仍按原编号挂在条目上,现在会落到别的条目。请在「相似问题」页核对(撤销后重新添加到正确条目)。`;
}

/** What the admin reads when the related-questions file still uses ids an FAQ renumbering changed (realign.ts followed them). */
function realignedNotice(warnings: { ids: string[] }[], relatedFile: string): string {
  const shown = warnings
    .slice(0, 3)
    .map((w) => `${w.ids[0]}→${w.ids[1] ?? '已忽略'}`)
    .join('、');
  const more = warnings.length > 3 ? ` 等 ${warnings.length} 处` : '';
  return `${relatedFile} 仍按旧编号(${shown}${more}),已按内容对应到现在的条目;请在文件中同步修改编号(npm run ingest -- --check 列出每一处)。`;
}

/** What /api/health and the admin pages say about the knowledge base. */
export interface KnowledgeStatus {
  /** ok: serving the current files; degraded: serving the last good version while the files are broken; unavailable: nothing to serve. */
  state: 'loading' | 'ok' | 'degraded' | 'unavailable';
  /** ISO time the current problem was first seen. */
  since?: string;
  /** What is wrong: for a malformed file, its name and every problem with its line number. */
  error?: { code: string; message: string; file?: string; issues?: CorpusIssue[]; unreadable?: boolean };
  /** Something the admin should know about files that did load: a related-questions file set aside as another FAQ's. */
  notice?: string;
  /** Index builds this process has made since it started. */
  rebuilds: number;
  /** The server's search thread (search-thread.ts): its state and how many retrievals it and the main thread made. */
  searchThread?: SearchThreadStatus;
}

export interface KnowledgeService {
  /** The knowledge base to answer from (the last good one). Waits for the first load; throws its typed error when there is nothing to serve. */
  get(): Promise<KnowledgeBase>;
  status(): KnowledgeStatus;
  /** Re-reads the inputs and rebuilds the index if they changed. One at a time: calls during a refresh share one follow-up run. */
  refresh(): Promise<void>;
  /** Polls the input files every `intervalMs` and refreshes after an edit has settled. */
  watch(intervalMs?: number): void;
  close(): void;
}

export interface KnowledgeServiceDeps {
  /** Alternative questions added by admins (the database's rows, or a map by id); a failure keeps the last ones read. */
  extraAlternatives?: () => Promise<AlternativesMap | AddedAlternative[]>;
  /** Writes the index of a corpus; defaults to a worker thread (build-thread.ts), so requests keep flowing meanwhile. */
  build?: (corpus: Corpus, config: AppConfig) => Promise<IndexManifest>;
  /** Where rebuilds and failures are reported; defaults to the console. */
  log?: (level: 'info' | 'error', message: string, detail?: unknown) => void;
}

const RETRY_MS = 2_000;
type IndexErrorCode = ConstructorParameters<typeof IndexError>[0];

async function stampOf(files: string[]): Promise<string> {
  const parts = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => `${s.size}:${s.mtimeMs}`,
        () => 'none',
      ),
    ),
  );
  return parts.join('|');
}

function describe(e: unknown): NonNullable<KnowledgeStatus['error']> {
  if (e instanceof CorpusError) {
    // The file's name, not its path: /api/health is public.
    const file = path.basename(e.file);
    return { code: e.code, message: new CorpusError(e.issues, file, e.unreadable).message, file, issues: e.issues, unreadable: e.unreadable };
  }
  if (isAppError(e)) return { code: (e as AppError).code, message: e.message };
  return { code: 'internal', message: '知识库加载失败' };
}

/**
 * Owns the knowledge base of a running app: loads it once, keeps serving the last good
 * version when an edit breaks the FAQ (and says so in `status`), rebuilds one at a time
 * and off the request path when the files or the admin's alternatives change.
 */
export function createKnowledgeService(config: AppConfig, deps: KnowledgeServiceDeps = {}): KnowledgeService {
  const log = deps.log ?? ((level, message, detail) => (level === 'error' ? console.error : console.info)(`[knowledge] ${message}`, detail ?? ''));
  const files = corpusFileList(config);
  // A watched (server) knowledge base with the local embedder retrieves on a thread of its own (search-thread.ts),
  // which also builds its indexes; without one (SEARCH_THREAD=false, a remote embedder, that thread gone) it builds
  // in one worker thread kept for the service's life. A script or a test that only loads once builds on its own
  // thread, which starts faster. Tests may pass their own build.
  let searcher: SearchThread | null = null;
  const builder = deps.build ? null : createBuildThread();
  let watching = false;
  const build =
    deps.build ??
    ((corpus: Corpus, cfg: AppConfig) => {
      if (!watching) return buildCorpusIndex(corpus, cfg);
      return searcher && searcher.status().state !== 'off' ? searcher.build(corpus, cfg) : builder!.build(corpus, cfg);
    });
  let current: KnowledgeBase | null = null;
  const serve = (kb: KnowledgeBase) => (searcher ? searcher.serve(kb) : kb);
  let first: Promise<void> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let extra: AlternativesMap | AddedAlternative[] = {};
  /** Entries renumbered since the start (renumberedNotice). */
  let renumbered: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let seenStamp = '';
  let lastRetry = Date.now();
  const state: KnowledgeStatus = { state: 'loading', rebuilds: 0 };

  const fail = async (e: unknown) => {
    const error = describe(e);
    if (!current && e instanceof CorpusError) {
      // Nothing loaded yet and the FAQ is broken: serve the index built from the last good FAQ, if there is one.
      current = await openIndex(config.indexDir, config).then(
        (index) => serve(knowledgeBaseFrom(index)),
        () => null,
      );
    }
    if (state.state !== 'degraded' && state.state !== 'unavailable') state.since = new Date().toISOString();
    Object.assign(state, { state: current ? 'degraded' : 'unavailable', error });
    log('error', current ? '知识库文件有误,继续使用上一个可用版本' : '知识库不可用', error);
  };

  const load = async () => {
    const started = Date.now();
    if (deps.extraAlternatives) extra = await deps.extraAlternatives().catch(() => extra);
    const corpus = await loadCorpus(config, extra);
    // A file cut short (a fifth of the entries gone, its last answer cut mid-way, or its last entries gone, the rest unchanged), or an answer emptied, while the server
    // runs is held like a malformed one; a deliberate deletion or emptying takes effect at the next start, which has nothing
    // to compare with.
    const held = current
      ? [
          cutShortIssue(current.manifest.rawEntries, corpus.rawCount) ??
            truncatedTailIssue(current.entries, corpus.entries) ??
            droppedTailIssue(current.entries, corpus.entries) ??
            [],
          emptiedAnswerIssues(current.entries, corpus.entries),
        ].flat()
      : [];
    if (held.length) throw new CorpusError(held, config.corpusFile);
    // The admin and the operator must hear of a related-questions file set aside as another FAQ's: answers are bare without it.
    const foreign = corpus.warnings.find((w) => w.kind === 'foreign_related');
    // And of a related-questions file on old ids (followed by content), and of entries renumbered while the server runs under the
    // admin's alternatives, keyed by the old ids in the database: those now hang on other entries. Said until the next start,
    // which has nothing to compare with.
    // Rows added before round 26 have no entry key and stay on their id.
    const onIdOnly = (id: string) => (Array.isArray(extra) ? extra.some((a) => a.entryKey === null && a.entryId === id) : !!extra[id]?.length);
    const moved = current ? movedEntries(current.entries, corpus.entries).filter((m) => onIdOnly(m.from)) : [];
    if (moved.length) renumbered = renumberedNotice(moved);
    const realigned = corpus.warnings.filter((w) => w.kind === 'renumbered_related');
    const notice =
      [
        foreign && `${path.basename(config.relatedFile)}:${foreign.message}`,
        realigned.length && realignedNotice(realigned, path.basename(config.relatedFile)),
        renumbered,
      ]
        .filter(Boolean)
        .join(' ') || undefined;
    if (notice !== state.notice && notice) log('error', notice);
    state.notice = notice;
    if (current && current.manifest.inputsSha256 === corpus.inputsSha256) {
      Object.assign(state, { state: 'ok', error: undefined, since: undefined });
      return;
    }
    const { kb, rebuilt } = await openKnowledgeBase(corpus, config, build);
    if (rebuilt !== undefined) {
      state.rebuilds++;
      const how = kb.manifest.appendedChunks === undefined ? '索引已重建' : `索引已追加 ${kb.manifest.appendedChunks} 个检索块`;
      log('info', `${how}(${kb.manifest.rawEntries} 条,构建 ${kb.manifest.buildMs} ms,共 ${Date.now() - started} ms)`, rebuilt);
    } else if (current) {
      log('info', `已载入新索引(${kb.manifest.rawEntries} 条)`);
    }
    // Without a search thread this thread answers: it fits and reads now what the first questions would otherwise wait for.
    if (!searcher) kb.warm();
    current = serve(kb);
    Object.assign(state, { state: 'ok', error: undefined, since: undefined });
  };

  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await load().catch(fail);
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    async get() {
      first ??= (async () => {
        seenStamp = await stampOf(files);
        await refresh();
      })();
      await first;
      // Nothing to serve yet (say, a remote-embedder index not built): look again, at most every few seconds.
      if (!current && Date.now() - lastRetry > RETRY_MS) {
        lastRetry = Date.now();
        await refresh();
      }
      if (current) return current;
      const error = state.error;
      if (error?.code.startsWith('index_')) throw new IndexError(error.code as IndexErrorCode, error.message, { detail: error });
      const message =
        error?.code !== 'corpus_invalid'
          ? '知识库暂时不可用,请稍后重试。'
          : error.unreadable
            ? 'FAQ 文件无法读取(不存在或没有读取权限)且没有可用的旧索引,请检查 CORPUS_FILE 后重试。'
            : 'FAQ 文件格式有误且没有可用的旧索引,请修正 FAQ 后重试。';
      throw new IndexError('index_missing', message, { detail: error });
    },
    status: () => ({ ...state, ...(searcher ? { searchThread: searcher.status() } : {}) }),
    refresh,
    watch(intervalMs = 1000) {
      if (timer) return;
      // A watched (server) knowledge base will rebuild: start the worker that builds now, not on the first edit
      // (the search thread starts when it is given the first knowledge base, before any rebuild).
      watching = true;
      if (config.searchThread && config.embeddings.provider === 'local') searcher ??= createSearchThread(config);
      else builder?.warm();
      let pending: string | null = null;
      timer = setInterval(() => {
        void stampOf(files).then((stamp) => {
          // An edit settles first: the stamp must hold still for one interval before a rebuild starts.
          if (stamp === seenStamp) return void (pending = null);
          if (pending !== stamp) return void (pending = stamp);
          seenStamp = stamp;
          pending = null;
          void refresh();
        });
      }, intervalMs);
      timer.unref();
    },
    close() {
      clearInterval(timer);
      timer = undefined;
      builder?.close();
      searcher?.close();
      searcher = null;
    },
  };
}
