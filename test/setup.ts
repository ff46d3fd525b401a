import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy and waitFor give up after 1 s by default; on a loaded 2-core machine a first render (with
// its lazy imports) can take longer, and a test that fails only under load says nothing. Waits end
// as soon as the element is there, so passing tests are not slower.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no HTMLDialogElement.showModal/close. Just enough of the platform for the modal dialogs:
// showModal opens and focuses the first control, close fires `close` (at once, not queued), and
// Escape fires a cancelable `cancel` at the newest modal, then closes it. Keeping Tab inside and the
// page behind inert are the browser's, not emulated here.
if (typeof HTMLDialogElement === 'function' && !HTMLDialogElement.prototype.showModal) {
  const modals: HTMLDialogElement[] = [];
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open', 'InvalidStateError');
    this.open = true;
    modals.push(this);
    const controls = this.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, a[href], [tabindex]',
    );
    const first = [...controls].find((control) => !control.matches(':disabled'));
    (this.querySelector<HTMLElement>('[autofocus]') ?? first)?.focus();
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.open = false;
    if (returnValue !== undefined) this.returnValue = returnValue;
    modals.splice(modals.indexOf(this), 1);
    this.dispatchEvent(new Event('close'));
  };
  document.addEventListener('keydown', (event) => {
    const top = modals.findLast((dialog) => dialog.isConnected);
    if (event.key !== 'Escape' || !top) return;
    if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
  });
}
