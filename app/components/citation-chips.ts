import type { Nodes, PhrasingContent, Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { replaceCitations } from '@/lib/text/citations';

/** The href a chip link carries; the Markdown component renders such links as chip buttons. */
export const CITE_HREF_PREFIX = '#cite-';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/**
 * Citation markers (every form lib/text/citations.ts accepts) as chips, decided after Markdown
 * is parsed: each marker is swapped for a placeholder that Markdown cannot read as syntax (so
 * `![FAQ2.5]` is no image and `[FAQ2.5]: …` no link definition), and the remark plugin turns
 * placeholders in text into chip links and gives code and link text back their original marker.
 *
 * @example
 * const { source, remarkPlugin } = citationChips('见 [FAQ2.5, FAQ2.6]');
 * <ReactMarkdown remarkPlugins={[remarkGfm, remarkPlugin]}>{source}</ReactMarkdown>
 */
export function citationChips(text: string): { source: string; remarkPlugin: () => (tree: Root) => void } {
  const markers: { marker: string; ids: string[] }[] = [];
  const source = replaceCitations(text, (ids, marker) => `${OPEN}${markers.push({ marker, ids }) - 1}${CLOSE}`);
  const chips = (_: string, index: string): PhrasingContent[] =>
    markers[Number(index)]!.ids.map((id) => ({ type: 'link', url: `${CITE_HREF_PREFIX}${id}`, children: [{ type: 'text', value: id }] }));
  const restore = (s: string) => s.replace(PLACEHOLDER, (_, index: string) => markers[Number(index)]!.marker);
  const restoreAll = (node: Nodes) => {
    if ('value' in node && typeof node.value === 'string') node.value = restore(node.value);
    if ('url' in node) node.url = restore(node.url);
    if ('alt' in node && node.alt) node.alt = restore(node.alt);
    if ('children' in node) for (const child of node.children) restoreAll(child);
  };
  return {
    source,
    remarkPlugin: () => (tree) => {
      if (markers.length === 0) return;
      findAndReplace(tree, [PLACEHOLDER, chips], { ignore: ['link', 'linkReference', 'inlineCode', 'code'] });
      restoreAll(tree);
    },
  };
}
