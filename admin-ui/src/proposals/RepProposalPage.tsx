import { useState } from 'react';
import { Alert, Button, Card, Result, Skeleton, Space, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ok, ProblemError } from '../api/client';
import { useSession } from '../auth/session';
import { LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { ProposalActions } from './ProposalActions';
import { ProposalDetails, StatusTag } from './ProposalView';
import { useProposal } from './useProposal';
import { usePageTitle } from '../shell/pageTitle';

/**
 * A proposal on a representative's phone: what it says and its way so far, and the buttons the API lists for them
 * (edit, attach, invite and submit their draft; co-sign or decline an invitation; rate the answer).
 */
export function RepProposalPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const { proposal, calls, changed, reload } = useProposal(id);
  usePageTitle(proposal.data?.title);
  const [uploadError, setUploadError] = useState<string>();
  const settings = useQuery({ queryKey: ['proposal-settings'], queryFn: () => ok(api.GET('/api/v1/proposals/settings')) });
  if (proposal.error instanceof ProblemError && proposal.error.status === 404) {
    return <Result status="404" subTitle={t('proposals.notFound')} extra={<Button onClick={() => navigate('/rep/proposals')}>{t('proposals.back')}</Button>} />;
  }
  const p = proposal.data;
  const editable = !!p?.actions?.includes('edit');
  const accepted = (p?.cosigners ?? []).filter((c) => c.status === 'accepted').length;
  const mine = p?.cosigners?.find((c) => c.workerId === me?.workerId);
  const upload = async (file: File) => {
    setUploadError(undefined);
    const form = new FormData();
    form.append('file', file);
    try {
      await ok(api.POST('/api/v1/proposals/proposals/{id}/attachments', {
        params: { path: { id: id! } }, body: form as never, bodySerializer: (body: unknown) => body as BodyInit,
      }));
    } catch (error) {
      setUploadError(t('proposals.rep.uploadFailed', { name: file.name, reason: error instanceof Error ? error.message : '' }));
    }
    reload();
  };
  const remove = async (attachmentId: string) => {
    await ok(api.DELETE('/api/v1/proposals/proposals/{proposalId}/attachments/{id}', { params: { path: { proposalId: id!, id: attachmentId } } }));
    reload();
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={
        <Space size={4} style={{ whiteSpace: 'normal' }}>
          <Button type="text" size="small" icon={<ArrowLeftOutlined />} aria-label={t('proposals.back')} onClick={() => navigate('/rep/proposals')} />
          {p && <StatusTag status={p.status} />}
        </Space>
      }>
        <LoadFailure query={proposal} />
        {proposal.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : p && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Title level={5} style={{ margin: 0, wordBreak: 'break-all' }}>{p.title}</Typography.Title>
            {p.status === 'draft' && settings.data && (
              <Alert type={accepted >= settings.data.minCosigners ? 'success' : 'info'} showIcon data-testid="cosign-progress"
                message={t('proposals.rep.cosignProgress', { accepted, required: settings.data.minCosigners })} />
            )}
            {mine && p.proposerWorkerId !== me?.workerId && (
              <Typography.Text>{t('proposals.rep.yourInvitation', { status: t(`proposals.cosigner.${mine.status}` as MessageKey) })}</Typography.Text>
            )}
            <ProposalActions proposal={p} onChanged={changed} onReload={reload} compact />
            {editable && (
              <>
                <Upload showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
                  <Button icon={<UploadOutlined />} block>{t('proposals.rep.attach')}</Button>
                </Upload>
                <Typography.Text type="secondary">{t('proposals.rep.attachHelp')}</Typography.Text>
                {uploadError && <Alert type="error" showIcon role="alert" message={uploadError} />}
              </>
            )}
          </Space>
        )}
      </Card>
      {p && <ProposalDetails proposal={p} calls={calls} compact onRemoveAttachment={editable ? (attachmentId) => void remove(attachmentId) : undefined} />}
    </Space>
  );
}
