import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { EditModal } from '../components/EditModal';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import { useProblemText } from '../i18n/problemText';
import type { MessageKey } from '../i18n/messages';

type Organisation = components['schemas']['Organisation'];
type Kind = components['schemas']['OrganisationKind'];

/** What may be created under a node of each kind. */
export const childKinds: Record<Kind, Kind[]> = {
  platform: ['region'],
  region: ['region', 'enterprise'],
  enterprise: ['unit'],
  unit: ['unit', 'team'],
  team: [],
};

const ifMatch = (organisation: Organisation) => ({ 'If-Match': `"${organisation.version}"` });

type Dialog = { kind: 'create' | 'rename' | 'move'; organisation: Organisation } | null;

/** The organisation tree below where the user acts: browse it lazily, create, rename, move (by drag or dialog), deactivate. */
export function OrganisationsPage() {
  const { me } = useSession();
  const { t } = useI18n();
  const problemText = useProblemText();
  const { modal, message } = AntApp.useApp();
  const rootId = me?.actingFor?.id;
  const [nodes, setNodes] = useState<Record<string, Organisation>>({});
  const [children, setChildren] = useState<Record<string, string[]>>({});
  const [selected, setSelected] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [attempt, setAttempt] = useState(0);

  const loadChildren = useCallback(async (parentId: string) => {
    const page = await ok(api.GET('/api/v1/directory/organisations', { params: { query: { parentId, limit: 200 } } }));
    const items = page.items ?? [];
    setNodes((known) => ({ ...known, ...Object.fromEntries(items.map((o) => [o.id, o])) }));
    setChildren((known) => ({ ...known, [parentId]: items.map((o) => o.id) }));
  }, []);

  const loadNode = useCallback(async (id: string) => {
    const organisation = await ok(api.GET('/api/v1/directory/organisations/{id}', { params: { path: { id } } }));
    setNodes((known) => ({ ...known, [id]: organisation }));
    return organisation;
  }, []);

  useEffect(() => {
    if (!rootId) {
      return;
    }
    setFailure(null);
    Promise.all([loadNode(rootId), loadChildren(rootId)])
      .then(() => setSelected(rootId))
      .catch((error: Error) => setFailure(error));
  }, [rootId, loadNode, loadChildren, attempt]);

  /** After a change: the node again, and the children of the parents it concerns. */
  const refresh = async (id: string, ...parents: (string | null | undefined)[]) => {
    await loadNode(id);
    await Promise.all(parents.filter((p): p is string => !!p).map(loadChildren));
  };

  const toTree = (id: string): TreeDataNode => {
    const organisation = nodes[id];
    const kids = children[id];
    return {
      key: id,
      title: (
        <span style={{ color: organisation?.status === 'inactive' ? 'rgba(0, 0, 0, 0.6)' : undefined }}>
          {organisation?.name} <Tag>{t(`org.kind.${organisation?.kind}` as MessageKey)}</Tag>
        </span>
      ),
      isLeaf: organisation?.kind === 'team' || (kids !== undefined && kids.length === 0),
      children: kids?.map(toTree),
    };
  };

  const onDrop: TreeProps['onDrop'] = async (info) => {
    const dragged = nodes[String(info.dragNode.key)];
    const target = nodes[String(info.node.key)];
    const parentId = info.dropToGap ? target.parentId : target.id;
    if (!dragged || !parentId || parentId === dragged.parentId) {
      return;
    }
    try {
      await ok(api.POST('/api/v1/directory/organisations/{id}/move', { params: { path: { id: dragged.id } }, headers: ifMatch(dragged), body: { parentId } }));
      await refresh(dragged.id, dragged.parentId, parentId);
    } catch (error) {
      message.error(problemText(error));
    }
  };

  const deactivate = (organisation: Organisation) => modal.confirm({
    title: t('org.deactivate'),
    content: t('org.deactivateConfirm', { name: organisation.name }),
    okButtonProps: { danger: true },
    onOk: async () => {
      try {
        await ok(api.POST('/api/v1/directory/organisations/{id}/deactivate', { params: { path: { id: organisation.id } }, headers: ifMatch(organisation) }));
        await refresh(organisation.id, organisation.parentId);
      } catch (error) {
        message.error(problemText(error));
      }
    },
  });

  if (failure) {
    return <LoadFailure query={{ error: failure, refetch: () => setAttempt((n) => n + 1) }} />;
  }
  if (!rootId || !nodes[rootId]) {
    return <Spin />;
  }
  const current = selected ? nodes[selected] : undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Card title={t('org.title')} extra={<Typography.Text type="secondary">{t('org.dragHint')}</Typography.Text>}>
          <Tree
            treeData={[toTree(rootId)]}
            defaultExpandedKeys={[rootId]}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
            loadData={async (node) => { if (!children[String(node.key)]) await loadChildren(String(node.key)); }}
            draggable={{ icon: false, nodeDraggable: (node) => node.key !== rootId }}
            onDrop={onDrop}
          />
        </Card>
      </Col>
      <Col xs={24} md={14}>
        <Card title={current?.name}>
          {!current ? <Empty description={t('org.select')} /> : (
            <>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('org.kind')}>{t(`org.kind.${current.kind}` as MessageKey)}</Descriptions.Item>
                <Descriptions.Item label={t('org.name')}>{current.name}</Descriptions.Item>
                <Descriptions.Item label={t('org.code')}>{current.code ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('org.status')}>{t(`org.status.${current.status}` as MessageKey)}</Descriptions.Item>
              </Descriptions>
              <Space style={{ marginTop: 16 }} wrap>
                <Button type="primary" disabled={current.status !== 'active' || childKinds[current.kind].length === 0}
                  onClick={() => setDialog({ kind: 'create', organisation: current })}>{t('org.create')}</Button>
                <Button onClick={() => setDialog({ kind: 'rename', organisation: current })}>{t('org.rename')}</Button>
                <Button disabled={current.id === rootId} onClick={() => setDialog({ kind: 'move', organisation: current })}>{t('org.move')}</Button>
                <Button danger disabled={current.id === rootId || current.status !== 'active'} onClick={() => deactivate(current)}>{t('org.deactivate')}</Button>
              </Space>
            </>
          )}
        </Card>
      </Col>
      {dialog?.kind === 'create' && (
        <EditModal<{ kind: Kind; name: string; code?: string }>
          title={`${t('org.create')} · ${dialog.organisation.name}`}
          fieldNames={['kind', 'name', 'code']}
          initialValues={{ kind: childKinds[dialog.organisation.kind][0] }}
          onClose={() => setDialog(null)}
          onSubmit={async (values) => {
            const created = await ok(api.POST('/api/v1/directory/organisations', { body: { ...values, parentId: dialog.organisation.id } }));
            await loadChildren(dialog.organisation.id);
            setSelected(created.id);
          }}
        >
          {() => (
            <>
              <Form.Item label={t('org.kind')} name="kind" rules={[{ required: true, message: t('form.required') }]}>
                <Select options={childKinds[dialog.organisation.kind].map((k) => ({ value: k, label: t(`org.kind.${k}` as MessageKey) }))} />
              </Form.Item>
              <Form.Item label={t('org.name')} name="name" rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
              <Form.Item label={t('org.code')} name="code"><Input /></Form.Item>
            </>
          )}
        </EditModal>
      )}
      {dialog?.kind === 'rename' && (
        <EditModal<{ name: string; code?: string | null }>
          title={`${t('org.rename')} · ${dialog.organisation.name}`}
          fieldNames={['name', 'code']}
          initialValues={{ name: dialog.organisation.name, code: dialog.organisation.code }}
          onClose={() => setDialog(null)}
          onReload={() => loadNode(dialog.organisation.id)}
          onSubmit={async (values) => {
            await ok(api.PUT('/api/v1/directory/organisations/{id}', {
              params: { path: { id: dialog.organisation.id } }, headers: ifMatch(dialog.organisation),
              body: { ...values, timeZone: dialog.organisation.timeZone },
            }));
            await refresh(dialog.organisation.id, dialog.organisation.parentId);
          }}
        >
          {() => (
            <>
              <Form.Item label={t('org.name')} name="name" rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
              <Form.Item label={t('org.code')} name="code"><Input /></Form.Item>
            </>
          )}
        </EditModal>
      )}
      {dialog?.kind === 'move' && (
        <EditModal<{ parentId: string }>
          title={`${t('org.move')} · ${dialog.organisation.name}`}
          fieldNames={['parentId']}
          onClose={() => setDialog(null)}
          onReload={() => loadNode(dialog.organisation.id)}
          onSubmit={async ({ parentId }) => {
            await ok(api.POST('/api/v1/directory/organisations/{id}/move', {
              params: { path: { id: dialog.organisation.id } }, headers: ifMatch(dialog.organisation), body: { parentId },
            }));
            await refresh(dialog.organisation.id, dialog.organisation.parentId, parentId);
          }}
        >
          {() => (
            <Form.Item label={t('org.moveTo')} name="parentId" rules={[{ required: true, message: t('form.required') }]}>
              <Select showSearch optionFilterProp="label"
                options={Object.values(nodes)
                  .filter((o) => o.id !== dialog.organisation.id && !o.path.includes(dialog.organisation.id) && o.status === 'active' && childKinds[o.kind].includes(dialog.organisation.kind))
                  .map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          )}
        </EditModal>
      )}
    </Row>
  );
}
