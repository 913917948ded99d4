'use client';

import { useState } from 'react';
import { FEEDBACK_REASON_LABEL } from '@/lib/text/messages';
import { sendJson } from './send-json';

type Reason = keyof typeof FEEDBACK_REASON_LABEL;
interface Vote {
  vote: 1 | -1;
  reason?: string | null;
  comment?: string | null;
}

async function send(exchangeId: string, v: Vote): Promise<boolean> {
  return (await sendJson('/api/feedback', 'POST', { exchangeId, ...v }, '')).ok;
}

/** A thumb drawn, not an emoji: a machine without an emoji font shows 👍 as an empty box. */
function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" style={down ? { transform: 'rotate(180deg)' } : undefined}>
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        d="M7 10v11H3V10h4zm0 0 4-8c1.7 0 3 1.3 3 3v4h5.5c1.4 0 2.4 1.3 2.1 2.6l-1.8 7.5c-.2.9-1 1.4-1.9 1.4H7"
      />
    </svg>
  );
}

/** 👍/👎 on one answer; 👎 asks why (引用错误 / 答案不完整 / 没回答我的问题 / 其他) and for an optional note. One vote, changeable. */
export function Feedback(props: { exchangeId: string; initial?: Vote | null }) {
  const [vote, setVote] = useState<Vote | null>(props.initial ?? null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<Reason | null>((props.initial?.reason as Reason | undefined) ?? null);
  const [comment, setComment] = useState(props.initial?.comment ?? '');
  const [status, setStatus] = useState<'idle' | 'sending' | 'done' | 'failed'>('idle');

  const submit = async (v: Vote) => {
    setStatus('sending');
    const ok = await send(props.exchangeId, v);
    setStatus(ok ? 'done' : 'failed');
    if (ok) {
      setVote(v);
      setAsking(false);
    }
  };

  return (
    <>
      <span className="feedback" data-testid="feedback">
        <button type="button" aria-label="有帮助" aria-pressed={vote?.vote === 1} disabled={status === 'sending'} onClick={() => void submit({ vote: 1 })}>
          <Thumb />
        </button>
        <button type="button" aria-label="没帮助" aria-pressed={vote?.vote === -1} disabled={status === 'sending'} onClick={() => setAsking((a) => !a)}>
          <Thumb down />
        </button>
        {status === 'done' && !asking && <span className="hint">感谢反馈</span>}
        {status === 'failed' && (
          <span className="hint" role="alert">
            反馈提交失败,请稍后再试。
          </span>
        )}
      </span>
      {asking && (
        <form
          className="feedback-form"
          data-testid="feedback-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason) void submit({ vote: -1, reason, comment: comment.trim() || null });
          }}
        >
          <span>这条回答哪里有问题?</span>
          <div className="reasons" role="radiogroup" aria-label="原因">
            {(Object.keys(FEEDBACK_REASON_LABEL) as Reason[]).map((r) => (
              <label key={r}>
                <input type="radio" name={`reason-${props.exchangeId}`} value={r} checked={reason === r} onChange={() => setReason(r)} />{' '}
                {FEEDBACK_REASON_LABEL[r]}
              </label>
            ))}
          </div>
          <textarea
            aria-label="补充说明(可选)"
            placeholder="补充说明(可选)"
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div>
            <button type="submit" className="primary" disabled={!reason || status === 'sending'}>
              提交反馈
            </button>{' '}
            <button type="button" onClick={() => setAsking(false)}>
              取消
            </button>
          </div>
        </form>
      )}
    </>
  );
}
