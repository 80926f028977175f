/**
 * Builds DOM from data without ever parsing HTML: every string becomes a text node or an attribute value, so
 * article text (which may hold `<script>` or `onerror=`) is shown as text and never runs. Nothing here uses
 * innerHTML, outerHTML, insertAdjacentHTML or document.write.
 */

/** A child: text (shown as text), a node, or nothing. */
export type Child = string | number | Node | null | undefined | false;

/** An attribute value: true sets an empty attribute, false/null/undefined leaves it out. */
export type AttrValue = string | number | boolean | undefined | null;

/** Event handlers by event name. */
export type Handlers = Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;

/** Attributes: values set with setAttribute, `on` handlers added with addEventListener. */
export interface Attrs {
  on?: Handlers;
  [name: string]: AttrValue | Handlers;
}

/** Attributes that could run script or load from elsewhere if set from data; refused. */
const UNSAFE_ATTRIBUTE = /^(on|srcdoc$|style$)/i;

/**
 * Creates an element with attributes and children.
 * @example h('a', { href: '#/article/abc', class: 'hit' }, article.title) // the title is a text node
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (name === 'on') continue;
      if (UNSAFE_ATTRIBUTE.test(name)) throw new Error(`h(): refusing to set attribute "${name}"`);
      if (value === undefined || value === null || value === false || typeof value === 'object') continue;
      if (name === 'href' && !isSafeHref(String(value))) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [type, handler] of Object.entries(attrs.on ?? {})) if (handler) el.addEventListener(type, handler);
  }
  append(el, ...children);
  return el;
}

/** Creates an SVG element with attributes (no `on…` or style attributes). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (UNSAFE_ATTRIBUTE.test(name)) throw new Error(`svg(): refusing to set attribute "${name}"`);
    el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children, turning strings and numbers into text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/**
 * In-app links (#/…), relative paths and http(s) URLs only: a `javascript:` URL from an article is dropped, and so is
 * `/\host/…` or `/<tab>/host`, which browsers read as the protocol-relative `//host/…` (they drop tabs and newlines
 * from URLs and take a backslash for a slash).
 */
export function isSafeHref(href: string): boolean {
  return /^(#|\/(?![/\\])|https?:\/\/)/i.test(href.replace(/[\t\n\r]/g, '').trim());
}

/** A hash link into the app. */
export function route(path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

/** A short date (YYYY-MM-DD) from an ISO value, or a dash. */
export function shortDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '—';
}
