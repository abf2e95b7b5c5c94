import { useState } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';

/**
 * Keyset paging as the API does it: each page has the cursor that led to it, so "previous" goes back along the
 * cursors seen and "next" follows the page's nextCursor. Changing the filters starts again at the first page.
 */
export function useKeysetPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors.at(-1),
    page: cursors.length,
    restart: () => setCursors([undefined]),
    next: (nextCursor: string) => setCursors((seen) => [...seen, nextCursor]),
    previous: () => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
  };
}

interface KeysetPagerProps {
  pages: ReturnType<typeof useKeysetPages>;
  nextCursor?: string | null;
  total?: number | null;
  totalLabel: MessageKey;
}

/** The total (when known) on the left, previous / page N / next on the right (under it when both do not fit). */
export function KeysetPager({ pages, nextCursor, total, totalLabel }: KeysetPagerProps) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={8} justify="space-between" align="center" style={{ marginTop: 16 }}>
      <Typography.Text>{total != null && t(totalLabel, { count: total })}</Typography.Text>
      <Space style={{ marginInlineStart: 'auto' }}>
        <Button disabled={pages.page === 1} onClick={pages.previous}>{t('paging.previous')}</Button>
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('paging.page', { page: pages.page })}</Typography.Text>
        <Button disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>{t('paging.next')}</Button>
      </Space>
    </Flex>
  );
}
