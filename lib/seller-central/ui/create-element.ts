/** A tiny DOM builder: text goes in as text nodes only, never as markup. */
export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  readonly className?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  /** Runs for trusted clicks only (the seller's mouse or keyboard, never a script's dispatchEvent). */
  readonly onClick?: (event: Event) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  const onClick = props.onClick;
  // Only the seller's own clicks act: page script can dispatch synthetic clicks, which are untrusted.
  if (onClick) element.addEventListener('click', (event) => event.isTrusted && onClick(event));
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}
