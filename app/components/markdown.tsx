'use client';

import { type ComponentProps, createContext, useContext } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CITE_HREF_PREFIX, citationChips } from './citation-chips';

type OnCite = (id: string, chip: HTMLElement) => void;
const CiteContext = createContext<OnCite | undefined>(undefined);

/**
 * Links, and citation chips for the links citationChips made. A module-level component (not a
 * closure per render) so React keeps the same chip elements across renders: focus can return
 * to the chip that opened an entry.
 */
function MarkdownLink({ href, children }: ComponentProps<'a'>) {
  const onCite = useContext(CiteContext);
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
}

const components: Components = { a: MarkdownLink };

/** Markdown with citation markers (`[FAQ2.5]`, `[FAQ2.5, FAQ2.6]`, 【FAQ2.5】 …) turned into chips that call `onCite`. */
export function Markdown({ text, onCite }: { text: string; onCite?: OnCite }) {
  const chips = onCite ? citationChips(text) : null;
  return (
    <CiteContext.Provider value={onCite}>
      <div className="markdown">
        <ReactMarkdown remarkPlugins={chips ? [remarkGfm, chips.remarkPlugin] : [remarkGfm]} components={components}>
          {chips ? chips.source : text}
        </ReactMarkdown>
      </div>
    </CiteContext.Provider>
  );
}
