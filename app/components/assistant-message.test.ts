import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ANSWER_INTERRUPTED_TEXT } from '@/lib/text/messages';
import type { FaqUIMessage } from '../api/chat/ui-types';
import { AssistantMessage } from './assistant-message';

const render = (message: FaqUIMessage, streaming = false) =>
  renderToStaticMarkup(createElement(AssistantMessage, { message, streaming, isLast: true, onCite: () => {}, onRetry: () => {}, onAsk: () => {} }));

const cut = { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: '请先补注册双免' }] } as FaqUIMessage;

describe('AssistantMessage', () => {
  it('says an answer whose stream ended before its final part was cut, and asks for a retry', () => {
    const html = render(cut);
    expect(html).toContain(ANSWER_INTERRUPTED_TEXT);
    expect(html).toContain('请先补注册双免');
  });

  it('says nothing of the kind while streaming, or once the final part came', () => {
    expect(render(cut, true)).not.toContain(ANSWER_INTERRUPTED_TEXT);
    const done = {
      ...cut,
      parts: [
        ...cut.parts,
        {
          type: 'data-answer',
          data: { decision: 'answer', citations: [], cited: [], suggestions: [], replace: false, mode: 'offline', text: '请先补注册双免' },
        },
      ],
    } as unknown as FaqUIMessage;
    expect(render(done)).not.toContain(ANSWER_INTERRUPTED_TEXT);
  });
});
