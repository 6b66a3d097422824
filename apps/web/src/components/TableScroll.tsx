import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface TableScrollProps {
  /** What the table is (usually its caption): names the scrolling region for screen readers. */
  label: string;
  children: ReactNode;
}

/**
 * A table that may be wider than the screen (a tablet held upright) scrolls inside this box, never
 * the page. Only while it actually overflows does the box become a named, focusable group, so a
 * keyboard user can scroll it (WCAG 2.1.1, axe's scrollable-region-focusable) and nobody meets an
 * extra tab stop otherwise. A group, not a region: the section around the table is the landmark.
 */
export function TableScroll({ label, children }: TableScrollProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={ref} className="table-scroll" {...(overflows ? { role: 'group', 'aria-label': label, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}
