import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export function parseDocument(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length || !doc.documentElement) throw new Error(errors[0] ?? 'no root element');
  return doc;
}

export function childElements(node: Node | null | undefined, localName?: string, ns?: string): Element[] {
  const out: Element[] = [];
  if (!node) return out;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    if ((!localName || e.localName === localName) && (ns === undefined || e.namespaceURI === ns)) out.push(e);
  }
  return out;
}

export function firstChild(node: Node | null | undefined, localName: string, ns?: string): Element | undefined {
  return childElements(node, localName, ns)[0];
}

/** Follows a path of unqualified children (ANPR's payloads are elementFormDefault="unqualified"). */
export function path(node: Node | null | undefined, ...names: string[]): Element | undefined {
  let cur = node as Element | undefined;
  for (const n of names) {
    cur = firstChild(cur, n);
    if (!cur) return undefined;
  }
  return cur;
}

export function textOf(node: Node | null | undefined): string | undefined {
  const t = node?.textContent?.trim();
  return t ? t : undefined;
}

export function textAt(node: Node | null | undefined, ...names: string[]): string | undefined {
  return textOf(path(node, ...names));
}

export function elementsByName(node: Node, localName: string, ns?: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.localName === localName && (ns === undefined || e.namespaceURI === ns)) out.push(e);
      walk(e);
    }
  };
  walk(node);
  return out;
}
