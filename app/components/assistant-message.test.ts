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

  it('in a conversation reopened after a renumbering, lists a cited entry under the id the answer cites, with its id now', () => {
    const entry = {
      id: 'FAQ2.3',
      ids: ['FAQ2.3'],
      citedAs: 'FAQ2.4',
      category: { id: 'FAQ2', name: '普通POS类' },
      question: '挥卡报03无效商户?',
      solutionMarkdown: '补报双免',
    };
    const reopened = {
      id: 'a2',
      role: 'assistant',
      parts: [
        { type: 'text', text: '补报双免 [FAQ2.4]' },
        {
          type: 'data-answer',
          data: { decision: 'answer', citations: ['FAQ2.4'], cited: [entry], suggestions: [], replace: false, mode: 'offline', text: '补报双免 [FAQ2.4]' },
        },
      ],
    } as unknown as FaqUIMessage;
    expect(render(reopened)).toContain('[FAQ2.4,现为 FAQ2.3] 挥卡报03无效商户?');
  });
});
