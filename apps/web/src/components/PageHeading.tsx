import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

interface PageHeadingProps {
  children: string;
  id?: string;
}

/**
 * The page's one `<h1>`. It names the document and, after a client-side navigation, takes the
 * focus, so screen-reader and keyboard users start on the new page instead of a stale link.
 * The first page of a visit (location key "default") leaves focus where the browser put it.
 */
export function PageHeading({ children, id }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);

  useEffect(() => {
    if (location.key !== 'default') ref.current?.focus();
  }, [location.key]);

  return (
    <h1 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
