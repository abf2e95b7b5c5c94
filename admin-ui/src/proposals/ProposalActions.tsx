import { useState } from 'react';
import { Alert, Button, Form, Input, Radio, Select, Space, TreeSelect, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { useSession } from '../auth/session';
import { EditModal } from '../components/EditModal';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { DraftFields, type DraftValues } from './DraftFields';
import { actionButtons, allowedDecisions, organisationTree, proposalProblem, type Proposal } from './logic';

type ActionButton = ReturnType<typeof actionButtons>[number];

const path = '/api/v1/proposals/proposals/{id}' as const;

/**
 * The buttons for exactly the actions the API lists for the caller on this proposal, each opening its dialog. Steps
 * carry the version read (If-Match), so a page left open while someone else acted is refused (412 or 409) and the
 * dialog offers to reload it.
 */
export function ProposalActions({ proposal, onChanged, onReload, compact }: {
  proposal: Proposal;
  onChanged: (changed: Proposal) => void;
  onReload: () => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ActionButton>();
  const buttons = actionButtons(proposal.actions);
  if (buttons.length === 0) {
    return <Typography.Text type="secondary" data-testid="no-actions">{t('proposals.noActions')}</Typography.Text>;
  }
  const params = { params: { path: { id: proposal.id } }, headers: { 'If-Match': `"${proposal.version}"` } };
  /** Runs the step, shows the proposal as it now is; a refusal in the user's words. */
  const run = async (step: () => Promise<Proposal>) => {
    try {
      onChanged(await step());
    } catch (error) {
      throw proposalProblem(error, t);
    }
  };
  const close = () => setOpen(undefined);
  const modal = { onClose: close, onReload };
  return (
    <>
      <Space wrap data-testid="proposal-actions" style={compact ? { width: '100%' } : undefined}>
        {buttons.map((button, i) => (
          <Button key={button} type={i === 0 ? 'primary' : 'default'} block={compact} onClick={() => setOpen(button)}>
            {t(`proposals.action.${button}` as MessageKey)}
          </Button>
        ))}
      </Space>
      {open === 'edit' && (
        <EditModal<DraftValues> title={t('proposals.rep.editTitle')} {...modal} fieldNames={['category', 'title', 'reasons', 'suggestions', 'callId']}
          initialValues={{ category: proposal.category, title: proposal.title, reasons: proposal.reasons, suggestions: proposal.suggestions, callId: proposal.callId ?? undefined }}
          onSubmit={(values) => run(() => ok(api.PUT(path, { ...params, body: { ...values, callId: values.callId ?? null } })))}>
          {() => <DraftFields />}
        </EditModal>
      )}
      {open === 'inviteCosigners' && <InviteDialog proposal={proposal} {...modal} run={run} />}
      {(open === 'submit' || open === 'acceptCosigning' || open === 'declineCosigning' || open === 'close' || open === 'startReview') && (
        <EditModal<{ note?: string }> title={t(`proposals.action.${open}` as MessageKey)} {...modal} fieldNames={['note']}
          submitText={t(`proposals.action.${open}` as MessageKey)}
          onSubmit={({ note }) => run(() => {
            switch (open) {
              case 'submit': return ok(api.POST(`${path}/submit`, params));
              case 'acceptCosigning': return ok(api.POST(`${path}/cosigning`, { ...params, body: { accept: true } }));
              case 'declineCosigning': return ok(api.POST(`${path}/cosigning`, { ...params, body: { accept: false } }));
              case 'close': return ok(api.POST(`${path}/close`, { ...params, body: { note } }));
              default: return ok(api.POST(`${path}/review`, { ...params, body: { note } }));
            }
          })}>
          {() => (
            <>
              {open === 'submit' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('proposals.submitConfirm')} />}
              {open === 'acceptCosigning' && <Typography.Paragraph>{t('proposals.acceptCosigningConfirm')}</Typography.Paragraph>}
              {open === 'declineCosigning' && <Typography.Paragraph>{t('proposals.declineCosigningConfirm')}</Typography.Paragraph>}
              {open === 'close' && <Typography.Paragraph>{t('proposals.closeConfirm')}</Typography.Paragraph>}
              {(open === 'close' || open === 'startReview') && (
                <Form.Item label={t('proposals.note')} name="note"><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
              )}
            </>
          )}
        </EditModal>
      )}
      {open === 'decide' && (
        <EditModal<{ decision: string; reason?: string }> title={t('proposals.action.decide')} {...modal} fieldNames={['decision', 'reason']}
          initialValues={{ decision: allowedDecisions(proposal.actions)[0] }}
          onSubmit={(body) => run(() => ok(api.POST(`${path}/decision`, { ...params, body: body as never })))}>
          {() => (
            <>
              <Form.Item label={t('proposals.decision')} name="decision" rules={[{ required: true, message: t('form.required') }]}>
                <Radio.Group options={allowedDecisions(proposal.actions).map((d) => ({ value: d, label: t(`proposals.decision.${d}` as MessageKey) }))} />
              </Form.Item>
              <Form.Item label={t('proposals.reason')} name="reason" extra={t('proposals.reasonHelp')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
            </>
          )}
        </EditModal>
      )}
      {open === 'merge' && <MergeDialog proposal={proposal} {...modal} run={run} />}
      {open === 'assign' && <AssignDialog proposal={proposal} {...modal} run={run} />}
      {open === 'answer' && (
        <EditModal<{ answer: string }> title={t('proposals.action.answer')} {...modal} fieldNames={['answer']} submitText={t('proposals.submitAnswer')}
          onSubmit={(body) => run(() => ok(api.POST(`${path}/answer`, { ...params, body })))}>
          {() => (
            <Form.Item label={t('proposals.answerText')} name="answer" extra={t('proposals.answerHelp')} rules={[{ required: true, message: t('form.required') }]}>
              <Input.TextArea rows={6} maxLength={10000} />
            </Form.Item>
          )}
        </EditModal>
      )}
      {open === 'rate' && (
        <EditModal<{ rating: 'satisfied' | 'basicallySatisfied' | 'unsatisfied'; comment?: string }> title={t('proposals.action.rate')} {...modal}
          fieldNames={['rating', 'comment']} submitText={t('proposals.submitRating')}
          onSubmit={(body) => run(() => ok(api.POST(`${path}/rating`, { ...params, body })))}>
          {() => (
            <>
              <Form.Item label={t('proposals.ratingLabel')} name="rating" rules={[{ required: true, message: t('form.required') }]}>
                <Radio.Group optionType="button" options={(['satisfied', 'basicallySatisfied', 'unsatisfied'] as const).map((r) => ({ value: r, label: t(`proposals.rating.${r}`) }))} />
              </Form.Item>
              <Form.Item label={t('proposals.ratingComment')} name="comment" extra={t('proposals.ratingHelp')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            </>
          )}
        </EditModal>
      )}
      {open === 'linkResolution' && <LinkResolutionDialog proposal={proposal} {...modal} run={run} />}
    </>
  );
}

interface DialogProps {
  proposal: Proposal;
  onClose: () => void;
  onReload: () => void;
  run: (step: () => Promise<Proposal>) => Promise<void>;
}

/** Invite serving representatives of the current congress term (not the proposer, not those already invited). */
function InviteDialog({ proposal, run, ...modal }: DialogProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const terms = useQuery({ queryKey: ['terms'], queryFn: () => ok(api.GET('/api/v1/directory/terms', { params: { query: { limit: 50 } } })) });
  const termId = terms.data?.items?.[0]?.id;
  const representatives = useQuery({
    queryKey: ['representatives', termId, 'serving'],
    enabled: !!termId,
    queryFn: () => ok(api.GET('/api/v1/directory/terms/{termId}/representatives', { params: { path: { termId: termId! }, query: { active: true, limit: 200 } } })),
  });
  const settings = useQuery({ queryKey: ['proposal-settings'], queryFn: () => ok(api.GET('/api/v1/proposals/settings')) });
  const invited = new Set((proposal.cosigners ?? []).map((c) => c.workerId));
  const options = (representatives.data?.items ?? [])
    .filter((r) => r.workerId !== me?.workerId && !invited.has(r.workerId))
    .map((r) => ({ value: r.workerId, label: `${r.workerName}（${r.unitName}）` }));
  return (
    <EditModal<{ workerIds: string[] }> title={t('proposals.action.inviteCosigners')} {...modal} fieldNames={['workerIds']}
      submitText={t('proposals.action.inviteCosigners')}
      onSubmit={(body) => run(() => ok(api.POST('/api/v1/proposals/proposals/{id}/cosigners', { params: { path: { id: proposal.id } }, body })))}>
      {() => (
        <Form.Item label={t('proposals.rep.cosignerPick')} name="workerIds" rules={[{ required: true, message: t('form.required') }]}
          extra={settings.data && t('proposals.rep.cosignerHelp', { count: settings.data.minCosigners })}>
          <Select mode="multiple" optionFilterProp="label" loading={terms.isPending || representatives.isFetching} options={options} />
        </Form.Item>
      )}
    </EditModal>
  );
}

/** Merge a duplicate into a proposal that goes on (submitted, under review or accepted), found by title or number. */
function MergeDialog({ proposal, run, ...modal }: DialogProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const targets = useQuery({
    queryKey: ['proposals', 'merge-targets', search],
    queryFn: () => ok(api.GET('/api/v1/proposals/proposals', {
      params: { query: { status: ['submitted', 'underReview', 'accepted'], search: search || undefined, limit: 30 } },
    })),
  });
  return (
    <EditModal<{ intoId: string; note?: string }> title={t('proposals.action.merge')} {...modal} fieldNames={['intoId', 'note']}
      onSubmit={(body) => run(() => ok(api.POST('/api/v1/proposals/proposals/{id}/merge', {
        params: { path: { id: proposal.id } }, headers: { 'If-Match': `"${proposal.version}"` }, body,
      })))}>
      {() => (
        <>
          <Form.Item label={t('proposals.intoId')} name="intoId" extra={t('proposals.intoHelp')} rules={[{ required: true, message: t('form.required') }]}>
            <Select showSearch filterOption={false} onSearch={setSearch} loading={targets.isFetching}
              options={(targets.data?.items ?? []).filter((p) => p.id !== proposal.id).map((p) => ({ value: p.id, label: `${p.number ?? ''} ${p.title}` }))} />
          </Form.Item>
          <Form.Item label={t('proposals.note')} name="note"><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        </>
      )}
    </EditModal>
  );
}

/** Hand an accepted proposal to a lead department and co-handling ones, picked from the organisation tree. */
function AssignDialog({ proposal, run, ...modal }: DialogProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const root = me?.actingFor?.id;
  const units = useQuery({
    queryKey: ['organisations', 'under', root],
    queryFn: () => ok(api.GET('/api/v1/directory/organisations', { params: { query: { under: root, status: 'active', limit: 200 } } })),
  });
  const tree = organisationTree(units.data?.items ?? [], root);
  const picker = { treeData: tree, treeDefaultExpandAll: true, showSearch: true, treeNodeFilterProp: 'title', loading: units.isPending } as const;
  return (
    <EditModal<{ leadUnitId: string; coHandlingUnitIds?: string[]; note?: string }> title={t('proposals.action.assign')} {...modal}
      fieldNames={['leadUnitId', 'coHandlingUnitIds', 'note']}
      onSubmit={(body) => run(() => ok(api.POST('/api/v1/proposals/proposals/{id}/assign', {
        params: { path: { id: proposal.id } }, headers: { 'If-Match': `"${proposal.version}"` }, body,
      })))}>
      {() => (
        <>
          <Form.Item label={t('proposals.leadUnit')} name="leadUnitId" extra={t('proposals.assignHelp')} rules={[{ required: true, message: t('form.required') }]}>
            <TreeSelect {...picker} />
          </Form.Item>
          <Form.Item label={t('proposals.coHandlingUnits')} name="coHandlingUnitIds"><TreeSelect {...picker} multiple /></Form.Item>
          <Form.Item label={t('proposals.note')} name="note"><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        </>
      )}
    </EditModal>
  );
}

/** Record that a resolution the congress adopted came from this proposal. */
function LinkResolutionDialog({ proposal, run, ...modal }: DialogProps) {
  const { t } = useI18n();
  const resolutions = useQuery({ queryKey: ['resolutions', 'pick'], queryFn: () => ok(api.GET('/api/v1/congress/resolutions', { params: { query: { limit: 200 } } })) });
  const linked = new Set((proposal.resolutions ?? []).map((r) => r.resolutionId));
  return (
    <EditModal<{ resolutionId: string }> title={t('proposals.action.linkResolution')} {...modal} fieldNames={['resolutionId']}
      onSubmit={(body) => run(() => ok(api.POST('/api/v1/proposals/proposals/{id}/resolutions', { params: { path: { id: proposal.id } }, body })))}>
      {() => (
        <Form.Item label={t('proposals.resolution')} name="resolutionId" rules={[{ required: true, message: t('form.required') }]}>
          <Select showSearch optionFilterProp="label" loading={resolutions.isPending} notFoundContent={t('proposals.noResolutions')}
            options={(resolutions.data?.items ?? []).filter((r) => !linked.has(r.id)).map((r) => ({ value: r.id, label: r.title }))} />
        </Form.Item>
      )}
    </EditModal>
  );
}
