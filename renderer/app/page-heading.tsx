import { useEffect, useRef, type ReactNode } from 'react';

// Each screen's title takes the focus when the screen opens, so keyboard and screen-reader
// users land on the new content instead of staying on the menu button they pressed.
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
