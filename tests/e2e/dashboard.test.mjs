// The dashboard with real data: proposals in several states and categories and a held congress session, charted, with
// the figures beside each chart (and in its accessible summary) as the API gives them; empty periods say so.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { enterpriseToday, launchBrowser, screenshots, signInOnPage, suitePatience } from './lib/browser.mjs';
import { holdSession } from './lib/congress.mjs';
import { startHost } from './lib/host.mjs';
import { proposalDesk } from './lib/proposal-states.mjs';

const statusNames = { submitted: '已提交', notAccepted: '不予立案', assigned: '办理中', closed: '已结案' };
const categoryNames = { production: '生产经营', safetyAndHealth: '安全卫生', wagesAndBenefits: '工资福利', welfare: '生活福利', other: '其他' };
const percent = (rate) => (rate == null ? '暂无' : `${Math.round(rate * 1000) / 10}%`);

describe('The dashboard', { timeout: suitePatience }, () => {
  let host;
  let browser;
  let page;
  let session;
  const problems = [];

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    host = await startHost();
    session = await holdSession(host.url);
    const { union } = session;
    const me = await union.get('/api/v1/access/me');
    const terms = await union.get('/api/v1/directory/terms');
    const desk = await proposalDesk(host.url, union, me.actingFor.id, { proposer: '李建华', department: '设备动力部', termId: terms.items[0].id });
    await desk.take('closed', { title: '关于更新冲压车间老旧设备的提案', category: 'production' });
    await desk.take('closed', { title: '关于改善焊接车间通风条件的提案', category: 'safetyAndHealth', rating: 'basicallySatisfied' });
    await desk.take('assigned', { title: '关于完善一线职工技能津贴的提案', category: 'wagesAndBenefits' });
    await desk.take('submitted', { title: '关于增设职工子女暑期托管班的提案', category: 'welfare' });
    await desk.take('notAccepted', { title: '关于调整市区公交线路的提案', category: 'other' });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await signInOnPage(page, host.url, union.loginName, union.password);
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('charts this year\'s proposals and congress turnout, with the API\'s figures beside each chart', async () => {
    const chartsLoaded = page.waitForResponse((r) => /DashboardPage-.*\.js$/.test(r.url()));
    await page.getByRole('menuitem', { name: '工作概览' }).click();
    await page.waitForURL('**/dashboard');
    await chartsLoaded;
    const today = enterpriseToday();
    const from = `${today.slice(0, 4)}-01-01`;
    const stats = await session.union.get(`/api/v1/proposals/statistics?from=${from}&to=${today}`);
    const turnout = await session.union.get(`/api/v1/congress/turnout?from=${from}&to=${today}`);
    assert.equal(stats.submitted, 5);
    assert.deepEqual(Object.keys(stats.byStatus).sort(), Object.keys(statusNames).sort());

    const card = (title) => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });
    const status = card('提案办理状态');
    await status.locator('[data-chart="echarts"] svg').waitFor();
    for (const [key, count] of Object.entries(stats.byStatus)) {
      await status.locator('.ant-descriptions-item').filter({ hasText: `${statusNames[key]}${count} 件` }).waitFor();
    }
    const statusSummary = await status.getByRole('img').getAttribute('aria-label');
    for (const [key, count] of Object.entries(stats.byStatus)) {
      assert.match(statusSummary, new RegExp(`${statusNames[key]} ${count} 件`));
    }
    assert.equal(await status.locator('svg path').count() > 0, true, 'the bars are drawn');

    const category = card('提案类别分布');
    await category.locator('[data-chart="echarts"] svg').waitFor();
    const categorySummary = await category.getByRole('img').getAttribute('aria-label');
    for (const [key, count] of Object.entries(stats.byCategory)) {
      assert.match(categorySummary, new RegExp(`${categoryNames[key]} ${count} 件`));
      await category.locator('.ant-descriptions-item').filter({ hasText: `${categoryNames[key]}${count} 件` }).waitFor();
    }

    const rates = card('办理质量');
    await rates.locator('[data-chart="echarts"] svg').waitFor();
    for (const [label, rate] of [['立案率', stats.acceptanceRate], ['按期答复率', stats.onTimeAnswerRate], ['满意率', stats.satisfactionRate]]) {
      await rates.locator('.ant-descriptions-item').filter({ hasText: `${label}${percent(rate)}` }).waitFor();
      await page.locator('.ant-statistic').filter({ hasText: label }).filter({ hasText: percent(rate) }).waitFor();
    }
    assert.equal(percent(stats.satisfactionRate), '100%', 'both rated answers were satisfied or basically satisfied');
    assert.equal(percent(stats.acceptanceRate), '75%', 'three of the four reviewed were accepted');

    const congress = card('职代会出席情况');
    await congress.locator('[data-chart="echarts"] svg').waitFor();
    const [held] = turnout.sessions;
    assert.equal(turnout.sessions.length, 1);
    assert.deepEqual([held.name, held.rosterSize, held.present, held.online, held.quorate], [session.sessionName, 6, 5, 2, true]);
    const row = (await congress.getByRole('row').filter({ hasText: held.name }).locator('td').allInnerTexts()).map((c) => c.trim());
    assert.deepEqual(row, [held.name, held.heldOn, '6', '5', '2', '3', percent(held.rate), `达到法定人数（${held.quorumNeeded}）`]);
    assert.match(await congress.getByRole('img').getAttribute('aria-label'), new RegExp(`${held.name} 实到代表 5/6，出席率 83.3%`));
    await page.screenshot({ path: join(screenshots, 'dashboard.png'), fullPage: true });
  });

  it('says when a period has nothing to show', async () => {
    await page.goto(`${host.url}/dashboard?from=2020-01-01&to=2020-12-31`);
    await page.getByText('该期间没有提交的提案').first().waitFor();
    await page.getByText('该期间没有召开的职代会会议').waitFor();
    assert.equal(await page.locator('[data-chart="echarts"]').count(), 0);
    assert.equal(await page.locator('.ant-picker-input input').first().inputValue(), '2020-01-01');
    await page.screenshot({ path: join(screenshots, 'dashboard-empty.png') });
    assert.deepEqual(problems, []);
  });
});
