import { Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, ok } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { categories, type ProposalCategory } from './logic';

export interface DraftValues {
  category: ProposalCategory;
  title: string;
  reasons: string;
  suggestions: string;
  callId?: string;
}

/** What a proposal says, as a representative writes or rewrites it: category, title, 案由, suggestions and the call it answers. */
export function DraftFields() {
  const { t } = useI18n();
  const calls = useQuery({
    queryKey: ['calls', 'open', dayjs().format('YYYY-MM-DD')],
    queryFn: () => ok(api.GET('/api/v1/proposals/calls', { params: { query: { openOn: dayjs().format('YYYY-MM-DD'), limit: 50 } } })),
  });
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <>
      <Form.Item label={t('proposals.category')} name="category" rules={required}>
        <Select options={categories.map((c) => ({ value: c, label: t(`proposals.category.${c}`) }))} />
      </Form.Item>
      <Form.Item label={t('proposals.title')} name="title" rules={required}>
        <Input maxLength={200} placeholder={t('proposals.rep.titlePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('proposals.reasons')} name="reasons" rules={required}>
        <Input.TextArea rows={5} maxLength={10000} placeholder={t('proposals.rep.reasonsPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('proposals.suggestions')} name="suggestions" rules={required}>
        <Input.TextArea rows={5} maxLength={10000} placeholder={t('proposals.rep.suggestionsPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('proposals.call')} name="callId">
        <Select allowClear placeholder={t('proposals.noCall')} loading={calls.isPending}
          options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.theme }))} />
      </Form.Item>
    </>
  );
}
