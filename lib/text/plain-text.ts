import type { Nodes, Parents, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { normalizeCitations } from './citations';

/**
 * An answer's Markdown as plain text, for the copy button and anywhere Markdown cannot be
 * shown: no `**`, escapes or link syntax; line breaks, list numbers and items kept; table
 * rows as tab-separated lines; links as `text (url)`; citations as `[FAQ2.5]`. Pure.
 *
 * @example
 * toPlainText('**退款多久到账?** [FAQ2.6]\n\n1\\) 撤销\\\n2\\) 退款') // '退款多久到账? [FAQ2.6]\n\n1) 撤销\n2) 退款'
 */
export function toPlainText(markdown: string): string {
  const tree: Root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return normalizeCitations(blocks(tree.children))
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function blocks(nodes: RootContent[], separator = '\n\n'): string {
  return nodes
    .map(block)
    .filter((b) => b !== '')
    .join(separator);
}

function block(node: RootContent): string {
  switch (node.type) {
    case 'list': {
      const separator = node.spread ? '\n\n' : '\n';
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
          return prefixLines(blocks(item.children, separator), marker, ' '.repeat(marker.length));
        })
        .join(separator);
    }
    case 'table':
      return node.children.map((row) => row.children.map(inline).join('\t')).join('\n');
    case 'code':
    case 'html':
      return node.value;
    case 'thematicBreak':
      return '——————';
    case 'blockquote':
      return blocks(node.children);
    case 'definition':
      return '';
    default:
      return inline(node);
  }
}

/** `first` before the first line, `rest` before every other non-empty line. */
function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? first + l : l === '' ? l : rest + l))
    .join('\n');
}

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'link': {
      const text = children(node);
      return text === node.url || node.url.startsWith('#') ? text : `${text} (${node.url})`;
    }
    default:
      return 'children' in node ? children(node) : 'value' in node ? String(node.value) : '';
  }
}

function children(node: Parents): string {
  return node.children.map(inline).join('');
}
