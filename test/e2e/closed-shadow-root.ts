import type { CDPSession, Page } from 'playwright-core';

/**
 * Reads and clicks the extension's UI inside closed shadow roots, which Playwright locators cannot
 * pierce. The DevTools protocol can: DOM.getDocument with `pierce` returns closed roots too. Clicks
 * go through page.mouse at the element's box, so the page gets real, trusted input (as from a
 * seller), unlike element.click() or dispatchEvent from page script.
 */

interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly localName?: string;
  readonly nodeValue?: string;
  readonly backendNodeId: number;
  readonly attributes?: readonly string[];
  readonly children?: readonly DomNode[];
  readonly shadowRoots?: readonly DomNode[];
  readonly contentDocument?: DomNode;
}

const sessions = new WeakMap<Page, CDPSession>();

async function sessionFor(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

function attribute(node: DomNode, name: string): string | undefined {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of node.shadowRoots ?? []) yield* walk(child);
  if (node.contentDocument) yield* walk(node.contentDocument);
  for (const child of node.children ?? []) yield* walk(child);
}

const TEXT_NODE = 3;

/** Visible text of a subtree (style sheets left out), pieces joined by a space. */
function textOf(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ').replace(/\s+/g, ' ');
}

export interface ClosedHost {
  /** The closed shadow root's mode as the protocol reports it ('closed' for ours). */
  readonly shadowRootType: string | undefined;
  /** Its text, as the seller reads it. */
  readonly text: string;
  readonly buttons: readonly { readonly name: string; readonly backendNodeId: number }[];
}

/** The hosts `[data-order-manager="feature"]` on the page, with what their closed roots hold. */
export async function closedHosts(page: Page, feature: string): Promise<ClosedHost[]> {
  const session = await sessionFor(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const hosts: ClosedHost[] = [];
  for (const node of walk(root)) {
    if (attribute(node, 'data-order-manager') !== feature) continue;
    const shadow = node.shadowRoots?.[0] as (DomNode & { shadowRootType?: string }) | undefined;
    const buttons = shadow
      ? [...walk(shadow)]
          .filter((n) => n.localName === 'button')
          .map((n) => ({ name: textOf(n).trim(), backendNodeId: n.backendNodeId }))
      : [];
    hosts.push({
      shadowRootType: shadow?.shadowRootType,
      text: shadow ? textOf(shadow).trim() : '',
      buttons,
    });
  }
  return hosts;
}

/** Clicks a button inside a closed root with the real mouse (a trusted click). */
export async function clickClosedButton(
  page: Page,
  feature: string,
  index: number,
  name: string,
): Promise<void> {
  // The feature may re-render between reading its buttons and clicking (a lookup answered, a minute
  // tick): a node that left the document is looked up again.
  for (let attempt = 1; ; attempt++) {
    const host = (await closedHosts(page, feature))[index];
    const button = host?.buttons.find((b) => b.name === name);
    if (!button) throw new Error(`no "${name}" button in ${feature} #${index}`);
    const session = await sessionFor(page);
    try {
      await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
      const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as {
        model: { content: number[] };
      };
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
      return;
    } catch (error) {
      if (attempt >= 5 || !/detached|No node/i.test(String(error))) throw error;
    }
  }
}
