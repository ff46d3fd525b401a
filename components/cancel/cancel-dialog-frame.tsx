import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import './cancel-dialog.css';

export interface CancelDialogFrameProps {
  readonly title: string;
  /** The dialog's description (aria-describedby). */
  readonly intro: ReactNode;
  /** Called when the seller closes the dialog with Escape; the caller then unmounts it. */
  readonly onClose: () => void;
  /** Where focus starts (else the browser's choice: the first control). */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly children: ReactNode;
}

/**
 * The modal the cancel dialogs share: a `<dialog>` opened with showModal(), so the browser moves
 * focus in, keeps Tab inside, makes the page behind inert and closes it on Escape. Focus returns to
 * where it was when the dialog goes away.
 */
export function CancelDialogFrame({ title, intro, onClose, initialFocus, children }: CancelDialogFrameProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);

  // A layout effect, so the dialog is open (and focused) in the same commit that adds it, never seen closed.
  useLayoutEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const dialog = dialogRef.current;
    // Already open when React re-runs the effect (Strict Mode); showModal would then throw.
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      // The dialog leaves by unmounting, which the platform's own focus return does not cover.
      if (returnTo?.isConnected) returnTo.focus();
    };
    // Once per opening: focus moves only when the dialog appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return createPortal(
    <dialog
      ref={dialogRef}
      className="cancel-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-intro`} className="cancel-dialog__intro">
        {intro}
      </div>
      {children}
    </dialog>,
    document.body,
  );
}
