/**
 * Building DOM from data without ever parsing it as HTML: elements come from createElement, text from text
 * nodes, attributes from setAttribute (event-handler attributes are refused). User text such as
 * `<img src=x onerror=alert(1)>` therefore always shows as text.
 */

export type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name)) throw new Error(`h(): use addEventListener, not the ${name} attribute`);
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function replaceChildren(element: Element, ...children: Child[]): void {
  clear(element);
  append(element, ...children);
}

let counter = 0;
/** A unique element id for label/aria wiring (never derived from user text). */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
