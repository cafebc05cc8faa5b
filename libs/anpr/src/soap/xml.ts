import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export type { Document, Element, Node };

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text and attribute values; also drops characters XML 1.0 cannot carry at all. */
export function esc(value: string | number): string {
  return (
    String(value)
      // eslint-disable-next-line no-control-regex -- removing the C0 controls XML 1.0 cannot carry is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (c) => ESC[c]!)
  );
}

export type XmlChild = string | undefined | null | false;

/** `<name>children</name>`, or nothing when every child is empty (keeps optional blocks out). */
export function el(name: string, ...children: XmlChild[]): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c.length > 0).join('');
  return inner ? `<${name}>${inner}</${name}>` : '';
}

/** A leaf with escaped text; omitted when the value is absent. */
export function leaf(name: string, value: string | number | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  return `<${name}>${esc(value)}</${name}>`;
}

export function parseXml(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length || !doc || !doc.documentElement) throw new Error(`Malformed XML: ${errors[0] ?? 'no root element'}`);
  return doc;
}

export function childElements(node: Node | null | undefined, localName?: string): Element[] {
  const out: Element[] = [];
  if (!node) return out;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (!localName || (c as Element).localName === localName)) out.push(c as Element);
  }
  return out;
}

export function child(node: Node | null | undefined, ...path: string[]): Element | undefined {
  let cur: Element | undefined = node as Element | undefined;
  for (const p of path) {
    cur = childElements(cur, p)[0];
    if (!cur) return undefined;
  }
  return cur;
}

export function text(node: Node | null | undefined, ...path: string[]): string | undefined {
  const e = path.length ? child(node, ...path) : (node as Element | undefined);
  const t = e?.textContent?.trim();
  return t === undefined || t === '' ? undefined : t;
}

/** Every descendant element with this local name, in document order. */
export function descendants(node: Node, localName: string, ns?: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.localName === localName && (!ns || e.namespaceURI === ns)) out.push(e);
      walk(e);
    }
  };
  walk(node);
  return out;
}
