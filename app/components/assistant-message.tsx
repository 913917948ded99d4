'use client';

import { useState } from 'react';
import type { AnswerNotice, CitedEntry } from '@/lib/answer/types';
import type { FaqDataParts, FaqUIMessage } from '../api/chat/ui-types';
import { Feedback } from './feedback';
import { Markdown } from './markdown';

interface View {
  text: string;
  meta?: FaqDataParts['meta'];
  answer?: FaqDataParts['answer'];
  entries: Map<string, CitedEntry>;
  notices: AnswerNotice[];
}

/** Reads what the stream has delivered so far for one assistant message. */
function viewOf(message: FaqUIMessage): View {
  let streamed = '';
  const view: View = { text: '', entries: new Map(), notices: [] };
  for (const part of message.parts) {
    if (part.type === 'text') streamed += part.text;
    else if (part.type === 'data-meta') view.meta = part.data;
    else if (part.type === 'data-sources') for (const e of part.data.entries) for (const id of e.ids) view.entries.set(id, e);
    else if (part.type === 'data-notice') {
      if (!view.notices.some((n) => n.message === part.data.message)) view.notices.push(part.data);
    } else if (part.type === 'data-answer') view.answer = part.data;
  }
  for (const e of view.answer?.cited ?? []) for (const id of e.ids) view.entries.set(id, e);
  view.text = view.answer?.replace ? view.answer.text : streamed;
  return view;
}

function ModeLabel({ mode, model }: { mode?: string; model?: string }) {
  if (mode === 'direct') return <span className="badge direct">直接匹配 · 未调用模型</span>;
  if (mode === 'llm') return <span className="badge">{model ?? '模型'}</span>;
  if (mode === 'offline') return <span className="badge">离线检索</span>;
  return null;
}

/** One answer: notices, Markdown with citation chips, the cited sources, and actions. */
export function AssistantMessage(props: { message: FaqUIMessage; streaming: boolean; isLast: boolean; onCite: (e: CitedEntry) => void; onRetry: () => void }) {
  const { message, streaming, isLast, onCite, onRetry } = props;
  const [copied, setCopied] = useState(false);
  const v = viewOf(message);
  const decision = v.answer?.decision ?? v.meta?.decision;
  const noAnswer = decision === 'refuse';
  const cite = (id: string) => {
    const e = v.entries.get(id);
    if (e) onCite(e);
  };
  const citedIds = v.answer?.citations ?? [];
  const cited = [...new Set(citedIds.map((id) => v.entries.get(id)).filter((e): e is CitedEntry => !!e))];
  const copy = async () => {
    await navigator.clipboard?.writeText(v.text).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <div className={`msg assistant${noAnswer ? ' no-answer' : ''}`} data-testid="assistant-message" data-no-answer={noAnswer ? 'true' : 'false'}>
      {noAnswer && <div className="label">FAQ 中未收录</div>}
      {v.notices.map((n) => (
        <div key={n.message} className="notice" role="status">
          {n.message}
        </div>
      ))}
      {v.text ? <Markdown text={v.text} onCite={cite} /> : streaming ? <p className="hint">{v.meta ? '正在生成答案…' : '正在检索 FAQ…'}</p> : null}
      {cited.length > 0 && (
        <div className="sources">
          来源:
          <ol>
            {cited.map((e) => (
              <li key={e.id}>
                <button type="button" className="link" onClick={() => onCite(e)}>
                  [{e.ids.join(' / ')}] {e.question.split('\n')[0]}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="actions">
        {!streaming && (
          <>
            <button type="button" onClick={copy}>
              {copied ? '已复制' : '复制'}
            </button>
            {isLast && (
              <button type="button" onClick={onRetry}>
                重新回答
              </button>
            )}
            {v.answer?.exchangeId && <Feedback key={v.answer.exchangeId} exchangeId={v.answer.exchangeId} initial={v.answer.feedback} />}
          </>
        )}
        <ModeLabel mode={v.answer?.mode ?? v.meta?.mode} model={v.answer?.model ?? v.meta?.model} />
      </div>
    </div>
  );
}
