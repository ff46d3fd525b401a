// @vitest-environment jsdom
import { composedClosest, composedHost, observeElements } from '../../../lib/seller-central/element-observer';
import { settle } from './seller-central-page';

function element(tag: string, attrs: Record<string, string> = {}, ...children: Node[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

describe('observeElements', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('reports present and later elements once each, in light DOM and nested open shadow roots', async () => {
    const outer = element('kat-outer');
    const outerRoot = outer.attachShadow({ mode: 'open' });
    const inner = element('kat-inner');
    outerRoot.append(element('div', { class: 'hit', id: 'a' }), inner);
    inner.attachShadow({ mode: 'open' }).append(element('div', { class: 'hit', id: 'b' }));
    document.body.append(element('div', { class: 'hit', id: 'c' }), outer);

    const seen: string[] = [];
    const controller = new AbortController();
    observeElements('.hit', (el) => seen.push(el.id), { signal: controller.signal });
    expect(seen.sort()).toEqual(['a', 'b', 'c']);

    document.body.append(element('section', {}, element('div', { class: 'hit', id: 'd' })));
    inner.shadowRoot!.append(element('div', { class: 'hit', id: 'e' }));
    // Moving a seen element does not report it again.
    document.body.append(document.getElementById('c')!);
    await settle();
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);

    controller.abort();
    document.body.append(element('div', { class: 'hit', id: 'f' }));
    inner.shadowRoot!.append(element('div', { class: 'hit', id: 'g' }));
    await settle();
    expect(seen).toHaveLength(5);
  });

  it('finds a shadow root attached after the element was inserted, once the seller points at it', async () => {
    const late = element('kat-late');
    document.body.append(late);
    const seen: string[] = [];
    const controller = new AbortController();
    observeElements('.hit', (el) => seen.push(el.id), { signal: controller.signal });
    late.attachShadow({ mode: 'open' }).append(element('div', { class: 'hit', id: 'x' }));
    await settle();
    expect(seen).toEqual([]);
    late.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(seen).toEqual(['x']);
    controller.abort();
  });

  it('skips the subtrees it is told to ignore', async () => {
    const ours = element('order-manager-ui', { 'data-order-manager': 'cancel-warning' });
    ours.attachShadow({ mode: 'open' }).append(element('button', { class: 'hit', id: 'ours' }));
    document.body.append(ours, element('button', { class: 'hit', id: 'page' }));
    const seen: string[] = [];
    const controller = new AbortController();
    observeElements('.hit', (el) => seen.push(el.id), {
      signal: controller.signal,
      ignore: '[data-order-manager]',
    });
    await settle();
    expect(seen).toEqual(['page']);
    controller.abort();
  });
});

describe('composed tree walking', () => {
  it('walks out of shadow roots', () => {
    const row = element('tr', { 'data-order-id': 'r' });
    const menu = element('kat-dropdown-button');
    const option = element('div', { class: 'option' });
    menu.attachShadow({ mode: 'open' }).append(element('div', { class: 'options' }, option));
    const table = element('table', {}, element('tbody', {}, row));
    row.append(element('td', {}, menu));
    document.body.append(table);
    expect(composedHost(option)).toBe(menu);
    expect(composedHost(menu)).toBe(menu);
    expect(composedClosest(option, 'tr')).toBe(row);
    expect(composedClosest(option, '.options')).toBe(option.parentElement);
    expect(composedClosest(option, 'section')).toBeNull();
  });
});
