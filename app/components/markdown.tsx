'use client';

import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CITE_HREF_PREFIX, citationChips } from './citation-chips';

/** Markdown with citation markers (`[FAQ2.5]`, `[FAQ2.5, FAQ2.6]`, 【FAQ2.5】 …) turned into chips that call `onCite`. */
export function Markdown({ text, onCite }: { text: string; onCite?: (id: string, chip: HTMLElement) => void }) {
  const chips = onCite ? citationChips(text) : null;
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={chips ? [remarkGfm, chips.remarkPlugin] : [remarkGfm]}
        components={{
          a: ({ href, children }) => {
            if (href?.startsWith(CITE_HREF_PREFIX) && onCite) {
              const id = href.slice(CITE_HREF_PREFIX.length);
              return (
                <button type="button" className="chip" data-cite={id} title={`查看 ${id} 原文`} onClick={(e) => onCite(id, e.currentTarget)}>
                  {id}
                </button>
              );
            }
            const external = href ? /^https?:/.test(href) : false;
            return (
              <a href={href} {...(external ? { target: '_blank', rel: 'noreferrer noopener' } : {})}>
                {children}
              </a>
            );
          },
        }}
      >
        {chips ? chips.source : text}
      </ReactMarkdown>
    </div>
  );
}
