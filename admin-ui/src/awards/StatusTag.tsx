import { Tag } from 'antd';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/I18n';

const colours = { nominating: 'blue', reviewing: 'orange', decided: 'green' } as const;

/** A campaign's phase: nominating, reviewing, decided. */
export function StatusTag({ status }: { status: components['schemas']['CampaignStatus'] }) {
  const { t } = useI18n();
  return <Tag color={colours[status]}>{t(`awards.status.${status}`)}</Tag>;
}
