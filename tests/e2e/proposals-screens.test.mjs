// The union's other proposal screens against the real API: calls opened and edited, the list filtered on the server,
// a step refused because the page was stale (and the reload it offers), a duplicate merged, and the statistics.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, chooseOption, chooseSearchResult, pageAs, screenshots, submitDialog, suitePatience } from './lib/browser.mjs';
import { unique } from './lib/enterprise.mjs';
import { act, chooseTreeNode, confirmDialog, expectButtons, handled, proposalPeople, proposalsApi, settled, submittedProposal } from './lib/proposals.mjs';

describe('Proposals: the union’s screens', { timeout: suitePatience }, () => {
  const state = {};
  const app = appAsUnion({
    prepare: async ({ union, enterprise }) => {
      const people = await proposalPeople(union, enterprise, [unique('赵'), unique('钱'), unique('孙')], ['安全环保部', '人力资源部']);
      const [safety, hr] = people.units;
      state.people = people;
      state.kept = await submittedProposal(people.reps, 'production', '关于优化装配线物料配送的提案');
      state.duplicate = await submittedProposal(people.reps, 'production', '关于改进装配线物料配送方式的提案');
      // A short handling period, so that the assigned proposal is due within days.
      const settings = await union.send('GET', '/api/v1/proposals/settings');
      await union.expect(200, 'PUT', '/api/v1/proposals/settings', { minCosigners: 2, handlingDays: 3, maxHandlingRounds: 2 }, { 'If-Match': settings.headers.get('etag') });
      state.assigned = await handled(union, await submittedProposal(people.reps, 'safetyAndHealth', '关于更换冲压车间老旧防护罩的提案'), safety);
      state.closed = await handled(union, await submittedProposal(people.reps, 'welfare', '关于改善职工食堂夜班供餐的提案'), hr,
        { proposer: people.reps[0], until: 'closed' });
      state.safety = safety.unit;
      state.safetyHandler = safety.handler;
    },
  });

  it('opens a call for proposals and edits it', async () => {
    const { page, setup, problems } = app;
    await page.getByRole('menuitem', { name: '职工提案' }).click();
    await page.getByRole('menuitem', { name: '提案征集' }).click();
    await page.getByText('还没有征集活动').waitFor();

    await page.getByRole('button', { name: '发起征集' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('征集主题').fill('2026年度产改专项提案征集');
    await dialog.getByLabel('说明').fill('围绕产业工人队伍建设改革，征集技能提升、安全生产和职工权益方面的提案。');
    assert.equal((await submitDialog(page, '征集主题', '/proposals/calls')).status(), 201);
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('tr').filter({ hasText: '2026年度产改专项提案征集' });
    await row.getByText('征集中').waitFor();

    await row.getByRole('button', { name: /修\s?改/ }).click();
    await page.getByRole('dialog').getByLabel('征集主题').fill('2026年度产改专项提案征集（第一批）');
    assert.equal((await submitDialog(page, '征集主题', '/calls/' + (await setup.union.get('/api/v1/proposals/calls')).items[0].id, 'PUT')).status(), 200);
    await page.getByRole('cell', { name: '2026年度产改专项提案征集（第一批）' }).waitFor();
    const [call] = (await setup.union.get('/api/v1/proposals/calls')).items;
    assert.deepEqual([call.theme, call.version], ['2026年度产改专项提案征集（第一批）', 2]);
    assert.match(call.description, /技能提升/);
    await settled(page);
    await page.screenshot({ path: join(screenshots, 'proposal-calls.png') });
    assert.deepEqual(problems, []);
  });

  it('filters the list on the server by status, department and overdue', async () => {
    const { page, problems } = app;
    await page.getByRole('menuitem', { name: '提案管理' }).click();
    await page.getByText('共 4 件提案').waitFor();

    await page.getByRole('combobox', { name: '状态' }).click();
    await chooseOption(page, '办理中');
    await page.getByText('共 1 件提案').waitFor();
    await page.getByRole('link', { name: '关于更换冲压车间老旧防护罩的提案' }).waitFor();
    await page.keyboard.press('Escape');

    const department = page.getByRole('combobox', { name: '承办部门' });
    await department.click();
    await chooseTreeNode(page, department, state.safety.name);
    await page.getByText('共 1 件提案').waitFor();

    const overdue = page.waitForResponse((r) => r.url().includes('/api/v1/proposals/proposals?') && r.url().includes('overdue=true'));
    await page.getByRole('switch', { name: '只看超期' }).click();
    await overdue;
    await page.getByText('没有符合条件的提案').waitFor();
    await page.getByRole('switch', { name: '只看超期' }).click();
    await page.getByText('共 1 件提案').waitFor();
    await settled(page);
    await page.screenshot({ path: join(screenshots, 'proposals-list-filtered.png') });
    assert.deepEqual(problems, []);
  });

  it('a step refused because someone else acted first says so and reloads the proposal', async () => {
    const { page, setup, problems } = app;
    await page.goto(`${app.host.url}/proposals/${state.kept.id}`);
    await expectButtons(page, ['开始审查', '并案', '关联决议']);
    await setup.union.step(`${proposalsApi}/${state.kept.id}/review`, { note: '另一位委员已开始审查' });

    await act(page, '开始审查');
    assert.equal((await confirmDialog(page, '开始审查', '/review')).status(), 412);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('此记录已被他人修改').waitFor();
    await page.screenshot({ path: join(screenshots, 'proposal-stale.png') });
    await dialog.getByRole('button', { name: '重新加载' }).click();
    await expectButtons(page, ['审查决定', '并案', '关联决议']);
    await page.getByText('另一位委员已开始审查').waitFor();
    assert.equal((await setup.union.get(`${proposalsApi}/${state.kept.id}`)).timeline.filter((e) => e.action === 'underReview').length, 1);
    assert.deepEqual(problems, []);
  });

  it('merges a duplicate into the proposal handled in its place', async () => {
    const { page, setup, problems } = app;
    await page.goto(`${app.host.url}/proposals/${state.duplicate.id}`);
    await expectButtons(page, ['开始审查', '并案', '关联决议']);
    await act(page, '并案');
    const dialog = page.getByRole('dialog');
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/proposals/proposals?') && r.url().includes('search='));
    await dialog.getByRole('combobox', { name: '并入的提案' }).fill(state.kept.number);
    await searched;
    await chooseSearchResult(page, `${state.kept.number} 关于优化装配线物料配送的提案`);
    await dialog.getByLabel('备注').fill('与前案为同一事项，并案办理。');
    assert.equal((await confirmDialog(page, '保存', '/merge')).status(), 200);
    await expectButtons(page, []);
    const merged = await setup.union.get(`${proposalsApi}/${state.duplicate.id}`);
    assert.deepEqual([merged.status, merged.mergedInto], ['merged', state.kept.id]);
    await page.getByRole('link', { name: '查看' }).click();
    await page.getByText(`${state.duplicate.number} 关于改进装配线物料配送方式的提案: 与前案为同一事项，并案办理。`).waitFor();
    await settled(page);
    await page.screenshot({ path: join(screenshots, 'proposal-merged.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('shows a handler what is assigned to their department, the one due within days marked', async () => {
    const page = await pageAs(app.browser, state.safetyHandler, { width: 1366, height: 800 }, app.problems);
    await page.goto(`${app.host.url}/proposals/inbox`);
    const row = page.locator('tr[data-deadline]').filter({ hasText: '关于更换冲压车间老旧防护罩的提案' });
    await row.getByText('3 天内到期').waitFor();
    assert.equal(await row.getAttribute('data-deadline'), 'dueSoon');
    assert.equal(await page.locator('tr[data-deadline]').count(), 1);
    await settled(page);
    await page.screenshot({ path: join(screenshots, 'proposals-inbox-due-soon.png') });
    await row.getByRole('link').click();
    await expectButtons(page, ['答复']);
    await page.context().close();
    assert.deepEqual(app.problems, []);
  });

  it('shows the period’s figures and tables by category, status and department', async () => {
    const { page, problems } = app;
    await page.goto(`${app.host.url}/proposals/statistics`);
    const figures = page.locator('.ant-statistic');
    await figures.filter({ hasText: '提交提案' }).getByText('4').waitFor();
    await figures.filter({ hasText: '满意率' }).getByText('100%').waitFor();
    const byCategory = page.locator('.ant-card').filter({ hasText: '按类别' });
    await byCategory.locator('tr').filter({ hasText: '生产经营' }).getByText('50%').waitFor();
    await page.locator('.ant-card').filter({ hasText: '按主办部门' }).getByRole('cell', { name: state.safety.name }).waitFor();
    await settled(page);
    await page.screenshot({ path: join(screenshots, 'proposal-statistics.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
