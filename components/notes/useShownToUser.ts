import { type RefObject, useEffect, useState } from 'react';

/** Chromium's IntersectionObserver v2 options and entry field, not yet in TypeScript's DOM types. */
interface VisibilityObserverInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}
type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/** How long the element must stay unchanged before the browser says whether it is visible (v2's minimum). */
const VISIBILITY_DELAY_MS = 100;

/**
 * Whether the user can see `ref`'s element as it is: not hidden, not transparent, not transformed,
 * not covered by anything else (IntersectionObserver v2, `isVisible`). The framed note editor takes
 * no input otherwise: a page could frame it invisibly over its own field and collect the user's
 * typing into their real note (issue 9). `watch` false (the editor in a tab of its own): always
 * true. A browser without v2 (Firefox) gives no `isVisible`: there the frame's own visibility on
 * screen (intersection) is all that is checked.
 */
export function useShownToUser(ref: RefObject<Element | null>, watch: boolean): boolean {
  const [shown, setShown] = useState(!watch);
  useEffect(() => {
    const element = ref.current;
    if (!watch || !element) return;
    const options: VisibilityObserverInit = { trackVisibility: true, delay: VISIBILITY_DELAY_MS, threshold: [0, 1] };
    const observer = new IntersectionObserver((entries) => {
      const entry = entries.at(-1) as VisibilityEntry | undefined;
      if (!entry) return;
      setShown(entry.isVisible ?? entry.isIntersecting);
    }, options);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, watch]);
  return shown;
}
