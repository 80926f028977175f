/**
 * DOM to text blocks: every block element (and `<br>`) ends a block; table cells stay on their row's line.
 * Each block remembers how much of its text sits inside links (link density is a strong boilerplate signal).
 */

/** One block of text from a DOM tree, with how much of it is link text. */
export interface TextBlock {
  readonly text: string;
  readonly linkChars: number;
  /** The nearest block-level tag around the text (p, li, h2 …). */
  readonly tag: string;
}

/** The slice of the DOM node interface the walker needs (linkedom and browser DOMs both fit). */
export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  tagName?: string;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'br', 'center',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'option', 'iframe', 'object', 'video', 'audio', 'canvas', 'head', 'title']);

/** Walks a tree into text blocks: every block element (and `<br>`) ends the current block. */
export function collectBlocks(root: DomNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let blockTag = 'p';
  const flush = (): void => {
    const text = parts.join('').replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, linkChars: Math.min(linkChars, text.length), tag: blockTag });
    parts = [];
    linkChars = 0;
  };
  const visit = (node: DomNode, inLink: boolean, tag: string): void => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      parts.push(text);
      if (inLink) linkChars += text.trim().length;
      return;
    }
    if (node.nodeType !== 1 || !node.tagName) return;
    const name = node.tagName.toLowerCase();
    if (SKIP_TAGS.has(name)) return;
    const isBlock = BLOCK_TAGS.has(name);
    const isCell = name === 'td' || name === 'th';
    if (isCell) parts.push(' '); // a table row reads as one line: "6 Ryan Blaney 2339"
    if (isBlock) {
      flush();
      blockTag = name === 'br' || name === 'div' ? tag : name;
    }
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) visit(children[i]!, inLink || name === 'a', isBlock && name !== 'br' ? name : tag);
    if (isBlock) {
      flush();
      blockTag = tag;
    }
  };
  visit(root, false, 'div');
  flush();
  return blocks;
}

