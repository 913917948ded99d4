'use client';

import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { replaceCitations } from '@/lib/text/citations';

/** Markdown with `[FAQx.y]` markers turned into chips that call `onCite`. */
export function Markdown({ text, onCite }: { text: string; onCite?: (id: string) => void }) {
  const source = onCite ? replaceCitations(text, (ids) => ids.map((id) => `[${id}](#cite-${id})`).join('')) : text;
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
