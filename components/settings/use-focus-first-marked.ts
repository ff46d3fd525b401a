import { useEffect, useRef, useState } from 'react';

/**
 * Moves focus to a form's first marked field (aria-invalid) once the marks are on screen, so a
 * keyboard or screen-reader user lands on what to correct. A marked fieldset gives it to its first input.
 */
export function useFocusFirstMarked() {
  const formRef = useRef<HTMLFormElement>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first instanceof HTMLFieldSetElement ? first.querySelector<HTMLElement>('input') : first)?.focus();
  }, [request]);
  return { formRef, focusFirstMarked: () => setRequest((n) => n + 1) };
}
