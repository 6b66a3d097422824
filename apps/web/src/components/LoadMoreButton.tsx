import { useTranslation } from 'react-i18next';

interface LoadMoreButtonProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "Show more" under a cursor-paginated list. */
export function LoadMoreButton({ hasMore, loading, onLoadMore }: LoadMoreButtonProps) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <button type="button" onClick={() => !loading && onLoadMore()} aria-disabled={loading || undefined}>
      {loading ? t('common.loading') : t('common.loadMore')}
    </button>
  );
}
