import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Popconfirm, Result, Space, Spin, Steps, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { api, ok, ProblemError } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { EditModal } from '../components/EditModal';
import { emptyText, LoadFailure } from '../components/LoadFailure';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { AwardModal, EscalationModal, NominationDrawer } from './NominationDrawer';
import { inWords } from '../i18n/problemText';
import { StatusTag } from './StatusTag';

type Campaign = components['schemas']['Campaign'];
type NominationSummary = components['schemas']['NominationSummary'];
type RankingRow = components['schemas']['RankingRow'];

const phases: Campaign['status'][] = ['nominating', 'reviewing', 'decided'];
const figure = (value?: number | null) => (value == null ? '—' : value.toFixed(2));

/**
 * One award campaign: its criteria and reviewers, its nominations, the phase changes (region admins), each reviewer's
 * scoring form, and the ranking with its tie-break rule, awards and escalations.
 */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const manages = me?.permissions?.includes('proposals.awards.manage') ?? false;
  const [viewing, setViewing] = useState<string>();
  const [scoring, setScoring] = useState<NominationSummary>();
  const [awarding, setAwarding] = useState<string>();
  const [escalating, setEscalating] = useState<string>();
  const [advancing, setAdvancing] = useState(false);

  const campaign = useQuery({
    queryKey: ['award-campaign', id],
    queryFn: () => ok(api.GET('/api/v1/proposals/award-campaigns/{id}', { params: { path: { id } } })),
  });
  const nominations = useQuery({
    queryKey: ['award-campaign', id, 'nominations'],
    queryFn: () => ok(api.GET('/api/v1/proposals/award-campaigns/{id}/nominations', { params: { path: { id } } })),
  });
  const ranking = useQuery({
    queryKey: ['award-campaign', id, 'ranking'],
    queryFn: () => ok(api.GET('/api/v1/proposals/award-campaigns/{id}/ranking', { params: { path: { id } } })),
    enabled: manages,
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['award-campaign', id] });

  if (campaign.isPending) {
    return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  }
  if (!campaign.data) {
    return campaign.error instanceof ProblemError && campaign.error.status === 404
      ? <Result status="404" title={t('awards.campaign.notFound')} extra={<Link to="/awards">{t('awards.campaign.back')}</Link>} />
      : <Card><LoadFailure query={campaign} /></Card>;
  }
  const current = campaign.data;
  const isReviewer = current.reviewers?.some((r) => r.userId === me?.id) ?? false;
  const advance = async (verb: 'review' | 'decide') => {
    setAdvancing(true);
    try {
      const request = { params: { path: { id } }, headers: { 'If-Match': `"${current.version}"` } };
      await ok(verb === 'review'
        ? api.POST('/api/v1/proposals/award-campaigns/{id}/review', request)
        : api.POST('/api/v1/proposals/award-campaigns/{id}/decide', request));
      await refresh();
    } catch (error) {
      const worded = inWords(error, t);
      void message.error(worded instanceof Error ? worded.message : t('error.network'));
      await refresh();
    } finally {
      setAdvancing(false);
    }
  };
  const next = current.status === 'nominating' ? 'review' : current.status === 'reviewing' ? 'decide' : undefined;

  const nominationColumns = [
    { title: t('awards.nomination.number'), dataIndex: 'number', width: 110 },
    { title: t('awards.nomination.title'), dataIndex: 'title', width: 240 },
    { title: t('awards.nomination.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('awards.nomination.category'), dataIndex: 'category', render: (c: string) => t(`proposals.category.${c}` as MessageKey) },
    { title: t('awards.nomination.proposer'), dataIndex: 'proposerName' },
    { title: t('awards.nomination.nominatedAt'), dataIndex: 'nominatedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
    {
      title: t('common.actions'), key: 'actions', render: (_: unknown, n: NominationSummary) => (
        <Space wrap size="small">
          {n.awardLevel && <Tag color="gold">{n.awardLevel}</Tag>}
          {isReviewer && n.conflicted && <Tag color="red">{t('awards.nomination.conflicted')}</Tag>}
          {isReviewer && n.scoredByMe && <Tag color="green">{t('awards.nomination.scored')}</Tag>}
          <Button size="small" onClick={() => setViewing(n.id)}>{t('awards.nomination.view')}</Button>
          {isReviewer && current.status === 'reviewing' && (
            <Button size="small" type={n.scoredByMe || n.conflicted ? 'default' : 'primary'} onClick={() => setScoring(n)}
              aria-label={`${t('awards.score.action')}：${n.title}`}>
              {n.scoredByMe ? t('awards.score.rescore') : t('awards.score.action')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const rankingColumns = [
    { title: t('awards.ranking.rank'), dataIndex: 'rank', width: 70, render: (rank?: number | null) => rank ?? t('awards.ranking.unranked') },
    { title: t('awards.nomination.number'), dataIndex: 'number', width: 110 },
    { title: t('awards.nomination.title'), dataIndex: 'title', width: 240 },
    { title: t('awards.nomination.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('awards.ranking.score'), dataIndex: 'score', render: figure },
    { title: t('awards.ranking.lead', { name: ranking.data?.leadCriterion ?? '' }), dataIndex: 'leadCriterionScore', render: figure },
    { title: t('awards.ranking.reviewers'), dataIndex: 'reviewers' },
    { title: t('awards.nomination.award'), dataIndex: 'awardLevel', render: (level?: string | null) => level && <Tag color="gold">{level}</Tag> },
    { title: t('awards.nomination.reward'), dataIndex: 'awardReward' },
    {
      title: t('common.actions'), key: 'actions', render: (_: unknown, row: RankingRow) => (
        <Space wrap size="small">
          <Button size="small" onClick={() => setViewing(row.nominationId)}>{t('awards.nomination.view')}</Button>
          {current.status === 'decided' && (
            <Button size="small" type="primary" onClick={() => setAwarding(row.nominationId)} aria-label={`${t('awards.award.action')}：${row.title}`}>
              {t('awards.award.action')}
            </Button>
          )}
          <Button size="small" onClick={() => setEscalating(row.nominationId)} aria-label={`${t('awards.escalation.action')}：${row.title}`}>
            {t('awards.escalation.action')}
          </Button>
        </Space>
      ),
    },
  ];
  const tieBreaks = ranking.data?.tieBreakCodes ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Space wrap>{current.name}<StatusTag status={current.status} /></Space>}
        extra={<Space wrap>
          <Link to="/awards">{t('awards.campaign.back')}</Link>
          {manages && next && (
            <Popconfirm title={t(`awards.phase.${next}Confirm`)} okText={t('awards.phase.confirm')} cancelText={t('form.cancel')} onConfirm={() => advance(next)}>
              <Button type="primary" loading={advancing}>{t(`awards.phase.${next}`)}</Button>
            </Popconfirm>
          )}
        </Space>}>
        <Steps size="small" current={phases.indexOf(current.status)} style={{ marginBottom: 16 }}
          items={phases.map((p) => ({ title: t(`awards.status.${p}`) }))} />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('awards.campaign.closeOn')}>{current.nominationsCloseOn}</Descriptions.Item>
          <Descriptions.Item label={t('awards.campaign.nominations')}>{current.nominations}</Descriptions.Item>
          {current.description && <Descriptions.Item label={t('awards.campaign.description')} span={2}>{current.description}</Descriptions.Item>}
          <Descriptions.Item label={t('awards.campaign.criteria')} span={2}>
            <Space wrap>{current.criteria?.map((c) => <Tag key={c.id}>{c.name} {c.weight}%</Tag>)}</Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('awards.campaign.reviewers')} span={2}>
            <Space wrap>{current.reviewers?.map((r) => (
              <Tag key={r.id}>{r.name}{r.enterpriseName ? `（${r.enterpriseName}）` : ''}</Tag>
            ))}</Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs items={[
          {
            key: 'nominations', label: t('awards.tab.nominations'), children: (
              <>
                <LoadFailure query={nominations} part />
                <Table<NominationSummary> rowKey="id" size="middle" loading={nominations.isFetching} columns={nominationColumns}
                  dataSource={nominations.data ?? []} pagination={false}
                  locale={{ emptyText: emptyText(nominations, t('awards.nominations.empty')) }} />
              </>
            ),
          },
          ...(manages ? [{
            key: 'ranking', label: t('awards.tab.ranking'), children: (
              <>
                <LoadFailure query={ranking} part />
                {tieBreaks.length > 0 && (
                  <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('awards.ranking.rule')} description={
                    <ol style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('awards.ranking.rule')}>
                      {tieBreaks.map((code) => <li key={code}>{t(`awards.tieBreak.${code}` as MessageKey, { name: ranking.data?.leadCriterion ?? '' })}</li>)}
                    </ol>
                  } />
                )}
                <Table<RankingRow> rowKey="nominationId" size="middle" loading={ranking.isFetching} columns={rankingColumns}
                  dataSource={ranking.data?.rows ?? []} pagination={false}
                  locale={{ emptyText: emptyText(ranking, t('awards.ranking.empty')) }} />
              </>
            ),
          }] : []),
        ]} />
      </Card>
      {viewing && <NominationDrawer id={viewing} manages={manages} decided={current.status === 'decided'} onClose={() => setViewing(undefined)}
        onAward={() => setAwarding(viewing)} onEscalate={() => setEscalating(viewing)} />}
      {scoring && <ScoreModal campaign={current} nomination={scoring} onClose={() => setScoring(undefined)} onSaved={refresh} />}
      {awarding && <AwardModal id={awarding} onClose={() => setAwarding(undefined)} onSaved={refresh} />}
      {escalating && <EscalationModal id={escalating} onClose={() => setEscalating(undefined)} onSaved={refresh} />}
    </Space>
  );
}

/** One entry per criterion of the campaign, in its order. */
interface ScoreForm { scores: { score?: number }[] }

/** A reviewer's scores of one nomination, one 0–100 figure per criterion; the API refuses what the reviewer may not score. */
function ScoreModal({ campaign, nomination, onClose, onSaved }: { campaign: Campaign; nomination: NominationSummary; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const criteria = campaign.criteria ?? [];
  return (
    <EditModal<ScoreForm>
      title={t('awards.score.title', { title: nomination.title })}
      fieldNames={['scores']}
      initialValues={{ scores: criteria.map(() => ({})) }}
      onClose={onClose}
      onReload={() => void onSaved()}
      onSubmit={async ({ scores }) => {
        try {
          const saved = await ok(api.PUT('/api/v1/proposals/award-nominations/{id}/my-scores', {
            params: { path: { id: nomination.id } },
            body: { scores: criteria.map((c, i) => ({ criterionId: c.id, score: scores[i]?.score ?? null })) },
          }));
          void message.success(t('awards.score.saved', { score: (saved.weightedScore ?? 0).toFixed(2) }));
          await onSaved();
        } catch (error) {
          throw inWords(error, t, { enterprise: nomination.enterpriseName });
        }
      }}
    >
      {() => (
        <>
          <Typography.Paragraph type="secondary">{nomination.number} · {nomination.enterpriseName}</Typography.Paragraph>
          <Typography.Paragraph>{t('awards.score.hint')}</Typography.Paragraph>
          <Form.List name="scores">
            {(fields, _, { errors }) => (
              <>
                {fields.map((field, i) => (
                  <Form.Item key={field.key} label={t('awards.score.criterion', { name: criteria[i]?.name ?? '', weight: criteria[i]?.weight ?? 0 })}
                    name={[field.name, 'score']} rules={[{ required: true, message: t('form.required') }]}>
                    <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
                  </Form.Item>
                ))}
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </>
      )}
    </EditModal>
  );
}
