import { Table, Tag, Typography } from 'antd';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { rateText } from '../i18n/format';

type Poll = components['schemas']['Poll'];
type ItemResult = components['schemas']['ItemResult'];

/** The counted columns of each kind of vote, as the API reports them per item. */
const counted: Record<Poll['kind'], (keyof ItemResult)[]> = {
  motion: ['for', 'against', 'abstain'],
  election: ['votes'],
  evaluation: ['excellent', 'competent', 'basicallyCompetent', 'incompetent', 'respondents'],
};

/**
 * A closed vote's results item by item (totals only: the API never returns a ballot), with its turnout and rule.
 * `compact`, for a phone: the item's number joins its title, which wraps, so that a motion's or an election's counts
 * and outcome fit the screen's width without scrolling; an evaluation's five counts scroll sideways as any table does.
 */
export function PollResultsTable({ poll, compact = false }: { poll: Poll; compact?: boolean }) {
  const { t } = useI18n();
  const results = poll.results!;
  const fits = compact && counted[poll.kind].length <= 3;
  const outcome = (item: ItemResult) => {
    if (poll.kind === 'motion') {
      return <Tag color={item.passed ? 'green' : 'red'}>{t(item.passed ? 'congress.results.passed' : 'congress.results.failed')}</Tag>;
    }
    if (poll.kind === 'election') {
      return item.elected ? <Tag color="green">{t('congress.results.elected')}</Tag> : item.tied ? <Tag color="orange">{t('congress.results.tied')}</Tag> : '—';
    }
    return item.suppressed ? <Tag>{t('congress.results.suppressed')}</Tag> : '';
  };
  return (
    <div role="region" aria-label={t('congress.results.of', { title: poll.title })}>
      <Typography.Paragraph type="secondary">
        {t('congress.results.turnout', {
          cast: results.ballotsCast, roster: results.rosterSize, online: results.onlineBallots, paper: results.paperBallots,
          turnout: rateText(results.turnout),
        })}
        {poll.passRule && ` ${t('congress.results.rule', { rule: t(`congress.passRule.${poll.passRule}`) })}`}
      </Typography.Paragraph>
      <Table<ItemResult> rowKey="number" size="small" pagination={false} dataSource={results.items}
        scroll={fits ? {} : undefined}
        columns={[
          ...(compact ? [] : [{ title: '#', dataIndex: 'number', width: 48 }]),
          compact
            ? { title: t(`congress.poll.items.${poll.kind}`), key: 'title', render: (_: unknown, item: ItemResult) => <span style={{ overflowWrap: 'anywhere' }}>{item.number}. {item.title}</span> }
            : { title: t(`congress.poll.items.${poll.kind}`), dataIndex: 'title', width: 260 },
          ...counted[poll.kind].map((column) => ({
            title: t(`congress.results.${column}` as MessageKey), dataIndex: column, width: compact ? undefined : 90,
            render: (value?: number | null) => value ?? '—',
          })),
          { title: t('congress.results.outcome'), key: 'outcome', width: compact ? undefined : 100, render: (_: unknown, item: ItemResult) => outcome(item) },
        ]} />
    </div>
  );
}
