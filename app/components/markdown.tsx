'use client';

import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

const CITE = /[\[【［]\s*(FAQ\d+\.\d+)\s*[\]】］]/g;

/** Markdown with `[FAQx.y]` markers turned into chips that call `onCite`. */
export function Markdown({ text, onCite }: { text: string; onCite?: (id: string) => void }) {
  const source = onCite ? text.replace(CITE, (_m, id: string) => `[${id}](#cite-${id})`) : text;
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        components={{
          a: ({ href, children }) => {
            if (href?.startsWith('#cite-') && onCite) {
              const id = href.slice(6);
              return (
                <button type="button" className="chip" data-cite={id} title={`查看 ${id} 原文`} onClick={() => onCite(id)}>
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
        {source}
      </ReactMarkdown>
    </div>
  );
}
