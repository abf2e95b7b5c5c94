import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { Coded } from '../components/Coded';
import { useFormat } from '../i18n/format';
import { EditModal } from '../components/EditModal';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { SecretOnceModal } from '../components/SecretOnceModal';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import { permissionWords, wordsOf } from './logic';

type ApiClient = components['schemas']['ApiClient'];

/** The HR systems and scripts that call the API with a key: issue one (its key shown once), rotate it, revoke it. */
export function ApiClientsPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const format = useFormat();
  const problemText = useProblemText();
  const { modal, message } = AntApp.useApp();
  const queries = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ name: string; key: string }>();
  const clients = useQuery({
    queryKey: ['clients'],
    queryFn: () => ok(api.GET('/api/v1/access/clients', { params: { query: { limit: 200 } } })),
  });
  const scopeName = (scope: string) => wordsOf(t, permissionWords(scope)) ?? scope;
  const act = (title: string, content: string, run: () => Promise<void>) => modal.confirm({
    title, content, okButtonProps: { danger: true },
    onOk: async () => {
      try {
        await run();
        await queries.invalidateQueries({ queryKey: ['clients'] });
      } catch (error) {
        message.error(problemText(error));
      }
    },
  });
  const rotate = (client: ApiClient) => act(t('client.rotate'), t('client.rotateConfirm', { name: client.name }), async () => {
    const rotated = await ok(api.POST('/api/v1/access/clients/{id}/rotate', { params: { path: { id: client.id } } }));
    setIssued({ name: client.name, key: rotated.key ?? '' });
  });
  const revoke = (client: ApiClient) => act(t('client.revoke'), t('client.revokeConfirm', { name: client.name }), async () => {
    await ok(api.POST('/api/v1/access/clients/{id}/revoke', { params: { path: { id: client.id } } }));
  });
  return (
    <Card title={t('client.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('client.create')}</Button>}>
      <LoadFailure query={clients} />
      <Table<ApiClient> rowKey="id" loading={clients.isFetching} dataSource={clients.data?.items ?? []} pagination={false} scroll={{ x: 800 }}
        locale={{ emptyText: emptyText(clients, t('client.empty')) }}
        columns={[
          { title: t('client.name'), dataIndex: 'name' },
          { title: t('client.keyPrefix'), dataIndex: 'keyPrefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
          {
            title: t('client.scopes'), dataIndex: 'scopes', render: (scopes: string[]) => (
              <Tooltip title={scopes.map(scopeName).join('、')}><span>{t('client.scopeCount', { count: scopes.length })}</span></Tooltip>
            ),
          },
          { title: t('client.status'), dataIndex: 'status', render: (status: string) => <Tag color={status === 'active' ? 'green' : 'default'}>{t(status === 'active' ? 'client.active' : 'client.revoked')}</Tag> },
          { title: t('client.lastUsed'), dataIndex: 'lastUsedAt', render: (at?: string | null) => format.dateTime(at) },
          {
            title: t('common.actions'), key: 'actions', render: (_: unknown, client: ApiClient) => client.status === 'active' && (
              <Space>
                <Button size="small" onClick={() => rotate(client)}>{t('client.rotate')}</Button>
                <Button size="small" danger onClick={() => revoke(client)}>{t('client.revoke')}</Button>
              </Space>
            ),
          },
        ]} />
      {creating && (
        <EditModal<{ name: string; scopes: string[] }>
          title={t('client.create')}
          fieldNames={['name', 'scopes']}
          onClose={() => setCreating(false)}
          onSubmit={async (values) => {
            const created = await ok(api.POST('/api/v1/access/clients', { body: values }));
            setIssued({ name: values.name, key: created.key ?? '' });
            await queries.invalidateQueries({ queryKey: ['clients'] });
          }}
        >
          {() => (
            <>
              <Form.Item label={t('client.name')} name="name" rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
              <Form.Item label={t('client.scopes')} name="scopes" rules={[{ required: true, message: t('form.required') }]} extra={t('client.scopesHelp')}>
                <Select mode="multiple" showSearch={{ optionFilterProp: ['label', 'value'] }}
                  options={(me?.permissions ?? []).map((p) => ({ value: p, label: scopeName(p) }))}
                  optionRender={(option) => <Coded words={wordsOf(t, permissionWords(String(option.value)))} code={String(option.value)} />} />
              </Form.Item>
            </>
          )}
        </EditModal>
      )}
      <SecretOnceModal title={t('client.keyTitle', { name: issued?.name ?? '' })} secret={issued?.key} onClose={() => setIssued(undefined)} />
    </Card>
  );
}
