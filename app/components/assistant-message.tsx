'use client';

import { useState } from 'react';
import type { AnswerNotice, ShownEntry, Suggestion } from '@/lib/answer/types';
import { ANSWER_INTERRUPTED_TEXT, HEDGE_LABEL, REFUSE_LABEL, RELATED_TOPICS_HEADING, SUGGESTIONS_HEADING } from '@/lib/text/messages';
import { toPlainText } from '@/lib/text/plain-text';
import type { FaqDataParts, FaqUIMessage } from '../api/chat/ui-types';
import { Feedback } from './feedback';
import { Markdown } from './markdown';

interface View {
  text: string;
  meta?: FaqDataParts['meta'];
  answer?: FaqDataParts['answer'];
  entries: Map<string, ShownEntry>;
  notices: AnswerNotice[];
}

/** The ids a chip may name an entry by: its own, or, in a conversation reopened after a renumbering, the id the answer cited. */
const idsOf = (e: ShownEntry) => (e.citedAs ? [e.citedAs] : e.ids);

/** Reads what the stream has delivered so far for one assistant message. */
function viewOf(message: FaqUIMessage): View {
  let streamed = '';
  const view: View = { text: '', entries: new Map(), notices: [] };
  for (const part of message.parts) {
    if (part.type === 'text') streamed += part.text;
    else if (part.type === 'data-meta') view.meta = part.data;
    else if (part.type === 'data-sources') for (const e of part.data.entries) for (const id of idsOf(e)) view.entries.set(id, e);
    else if (part.type === 'data-notice') {
      if (!view.notices.some((n) => n.message === part.data.message)) view.notices.push(part.data);
    } else if (part.type === 'data-answer') view.answer = part.data;
  }
  for (const e of view.answer?.cited ?? []) for (const id of idsOf(e)) view.entries.set(id, e);
  view.text = view.answer?.replace ? (view.answer.text ?? streamed) : streamed;
  return view;
}

function ModeLabel({ mode, model }: { mode?: string; model?: string }) {
  if (mode === 'direct') return <span className="badge direct">直接匹配 · 未调用模型</span>;
  if (mode === 'llm') return <span className="badge">{model ?? '模型'}</span>;
  if (mode === 'offline') return <span className="badge">离线检索</span>;
  return null;
}

/** Entries offered as questions (「您是不是想问」, 「可能相关的主题」): a click asks that question. */
function Suggestions({ heading, items, onAsk }: { heading: string; items: Suggestion[]; onAsk: (question: string) => void }) {
  return (
    <div className="suggestions" data-testid="suggestions">
      <span className="suggestions-heading">{heading}</span>
      {items.map((s) => (
        <button key={s.id} type="button" className="suggestion" data-suggestion={s.id} onClick={() => onAsk(s.question)}>
          {s.question}
        </button>
      ))}
    </div>
  );
}

interface Props {
  message: FaqUIMessage;
  streaming: boolean;
  isLast: boolean;
  /** Opens a cited entry; `from` is the chip or link that asked, to get focus back on close. */
  onCite: (e: ShownEntry, from: HTMLElement) => void;
  onRetry: () => void;
  /** Asks a suggested question as a new message. */
  onAsk: (question: string) => void;
}

/**
 * One answer in the look of its decision: answer (cited), hedge (a distinct label, the closest
 * entry cited, then up to two 「您是不是想问」 questions), refuse (the no-answer look, with
 * 「可能相关的主题」 when there are any). Notices, citation chips, sources and actions for all.
 */
export function AssistantMessage({ message, streaming, isLast, onCite, onRetry, onAsk }: Props) {
  const [copied, setCopied] = useState(false);
  const v = viewOf(message);
  const decision = v.answer?.decision ?? v.meta?.decision;
  const noAnswer = decision === 'refuse';
  const hedge = decision === 'hedge';
  const suggestions = v.answer?.suggestions ?? [];
  const cite = (id: string, from: HTMLElement) => {
    const e = v.entries.get(id);
    if (e) onCite(e, from);
  };
  const citedIds = v.answer?.citations ?? [];
  const cited = [...new Set(citedIds.map((id) => v.entries.get(id)).filter((e): e is ShownEntry => !!e))];
  const copy = async () => {
    await navigator.clipboard?.writeText(toPlainText(v.text)).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <div
      className={`msg assistant${noAnswer ? ' no-answer' : ''}${hedge ? ' hedge' : ''}`}
      data-testid="assistant-message"
      data-decision={decision}
      data-no-answer={noAnswer ? 'true' : 'false'}
    >
      {noAnswer && <div className="label">{REFUSE_LABEL}</div>}
      {hedge && (
        <div className="label" data-testid="hedge-label">
          {HEDGE_LABEL}
        </div>
      )}
      {v.notices.map((n) => (
        <div key={n.message} className="notice" role="status">
          {n.message}
        </div>
      ))}
      {v.text ? <Markdown text={v.text} onCite={cite} /> : streaming ? <p className="hint">{v.meta ? '正在生成答案…' : '正在检索 FAQ…'}</p> : null}
      {/* Every answer ends with its data-answer part (stored ones too): without it the stream was cut, and what shows may be partial. */}
      {!streaming && !v.answer && (
        <div className="notice" role="alert" data-testid="interrupted">
          {ANSWER_INTERRUPTED_TEXT}
        </div>
      )}
      {!streaming && hedge && suggestions.length > 0 && <Suggestions heading={SUGGESTIONS_HEADING} items={suggestions.slice(0, 2)} onAsk={onAsk} />}
      {!streaming && noAnswer && suggestions.length > 0 && <Suggestions heading={RELATED_TOPICS_HEADING} items={suggestions} onAsk={onAsk} />}
      {cited.length > 0 && (
        <div className="sources">
          来源:
          <ol>
            {cited.map((e) => (
              <li key={e.id}>
                <button type="button" className="link" onClick={(ev) => onCite(e, ev.currentTarget)}>
                  [{e.citedAs ? `${e.citedAs},现为 ${e.ids.join(' / ')}` : e.ids.join(' / ')}] {e.question.split('\n')[0]}
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
