import { useId, useState, type ReactNode } from 'react';
import { Button, Flex, Space } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18n';
import { usePhone } from './screen';

interface FiltersProps {
  /** The search box, shown at all widths. */
  search?: ReactNode;
  /** How many of the other filters are set, said on the phone's 筛选 button. */
  active?: number;
  /** The other filters. */
  children: ReactNode;
}

/**
 * A list's filter bar: in a row above the list; on a phone, the search box and a 筛选 button that unfolds the other
 * filters one under the other at full width. Folded, they stay mounted, so that each keeps what it shows.
 */
export function Filters({ search, active = 0, children }: FiltersProps) {
  const { t } = useI18n();
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const fields = useId();
  if (!phone) {
    return <Space wrap style={{ marginBottom: 16 }}>{search}{children}</Space>;
  }
  return (
    <Flex vertical gap={8} className="wf-filters" style={{ marginBottom: 12 }}>
      <Flex gap={8}>
        {search && <div className="wf-filters-search">{search}</div>}
        <Button icon={<FilterOutlined />} aria-expanded={open} aria-controls={fields} onClick={() => setOpen(!open)} style={{ marginInlineStart: 'auto' }}>
          {active > 0 ? t('filters.showActive', { count: active }) : t('filters.show')}
        </Button>
      </Flex>
      <Flex vertical gap={8} id={fields} className="wf-filters-fields" style={open ? undefined : { display: 'none' }}>{children}</Flex>
    </Flex>
  );
}
