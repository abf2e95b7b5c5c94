// A proposal from writing to closure against the real API: the proposer writes it on a phone at /rep and invites two
// co-signers, who accept on theirs; the proposer submits; the union reviews, accepts and assigns it to a department; a
// handler of that department answers from its inbox; the proposer rates the answer; the union closes it. After each
// step the API's state is checked, and each party is shown exactly the buttons the API lists for them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, chooseOption, enterpriseToday, pageAs, screenshots, suitePatience } from './lib/browser.mjs';
import { unique } from './lib/enterprise.mjs';
import { act, chooseTreeNode, confirmDialog, expectButtons, noSidewaysScrolling, proposalPeople, proposalsApi as proposals, settled, submittedProposal } from './lib/proposals.mjs';

const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 800 };

describe('Proposals: from writing to closure', { timeout: suitePatience }, () => {
  const names = { proposer: unique('张'), first: unique('李'), second: unique('王') };
  const title = '关于改善焊接车间夏季降温条件的提案';
  const state = {};
  const app = appAsUnion({
    prepare: async ({ union, enterprise }) => {
      const people = await proposalPeople(union, enterprise, Object.values(names), ['安全环保部']);
      state.reps = { proposer: people.reps[0], first: people.reps[1], second: people.reps[2] };
      state.department = people.units[0].unit;
      state.handler = people.units[0].handler;
      const today = enterpriseToday();
      state.call = await union.create('/api/v1/proposals/calls', {
        theme: '2026年度产改专项提案征集', description: '围绕技能提升、安全生产和职工权益征集提案', opensOn: '2026-01-01', closesOn: today > '2026-12-31' ? today : '2026-12-31',
      });
      // Two proposals already on their way, so the lists have company.
      await submittedProposal(people.reps, 'trainingAndCareers', '关于建立青年技工导师带徒制度的提案');
      await submittedProposal(people.reps, 'welfare', '关于增设夜班职工休息室的提案');
    },
  });

  /** A page signed in with a representative's or handler's session, at the viewport given. */
  const pageOf = (caller, viewport) => pageAs(app.browser, caller, viewport, app.problems);

  const read = (caller = app.setup.union) => caller.get(`${proposals}/${state.id}`);

  it('the proposer writes a proposal on a phone, attaches a file and invites two co-signers; submitting early is explained', async () => {
    const page = state.proposerPage = await pageOf(state.reps.proposer.caller, phone);
    await page.goto(`${app.host.url}/rep/proposals`);
    await page.getByRole('tab', { name: /我提出的 2/ }).waitFor();
    await page.screenshot({ path: join(screenshots, 'rep-proposals.png') });

    await page.getByRole('button', { name: '写提案' }).click();
    await page.getByRole('combobox', { name: '类别' }).click();
    await chooseOption(page, '安全卫生');
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('案由').fill('焊接车间夏季室温常超过35摄氏度，现有排风设备老化，职工中暑风险高，反映强烈。');
    await page.getByLabel('建议').fill('一、更换车间排风设备；二、在焊接工位增设移动式冷风机；三、高温时段调整作息并发放防暑降温用品。');
    await page.getByRole('combobox', { name: '征集活动' }).click();
    await chooseOption(page, state.call.theme);
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await noSidewaysScrolling(page);
    await page.screenshot({ path: join(screenshots, 'rep-proposal-write.png'), fullPage: true });
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === proposals && r.request().method() === 'POST');
    await page.getByRole('button', { name: '保存草稿' }).click();
    assert.equal((await created).status(), 201);
    await page.waitForURL(/\/rep\/proposals\/[0-9a-f-]{36}$/);
    state.id = page.url().split('/').at(-1);

    let proposal = await read(state.reps.proposer.caller);
    assert.deepEqual([proposal.status, proposal.category, proposal.title, proposal.callId], ['draft', 'safetyAndHealth', title, state.call.id]);
    await expectButtons(page, ['修改', '邀请附议', '提交提案']);

    const uploaded = page.waitForResponse((r) => r.url().endsWith('/attachments') && r.request().method() === 'POST');
    await page.locator('input[type=file]').setInputFiles({
      name: '车间温度记录.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    assert.equal((await uploaded).status(), 201);
    await page.getByRole('button', { name: /车间温度记录\.pdf/ }).waitFor();

    await act(page, '邀请附议');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '选择在任职工代表' }).click();
    await chooseOption(page, `${names.first}（.*）`);
    await chooseOption(page, `${names.second}（.*）`);
    await dialog.getByText('至少需要 2 名代表同意附议才能提交。').waitFor();
    await dialog.locator('.ant-modal-title').click(); // closes the options list, which covers the dialog's buttons
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    assert.equal((await confirmDialog(page, '邀请附议', '/cosigners')).status(), 200);
    await dialog.waitFor({ state: 'detached' });
    proposal = await read(state.reps.proposer.caller);
    assert.deepEqual(proposal.cosigners.map((c) => [c.name, c.status]).sort(), [[names.first, 'invited'], [names.second, 'invited']].sort());
    assert.equal(proposal.attachments.length, 1);

    await act(page, '提交提案');
    assert.equal((await confirmDialog(page, '提交提案', '/submit')).status(), 409);
    await page.getByRole('dialog').getByText('还不能提交：需要至少 2 名代表同意附议，目前只有 0 名。请邀请更多代表，或等待受邀代表答复。').waitFor();
    await page.screenshot({ path: join(screenshots, 'rep-proposal-cosigners-missing.png') });
    await page.getByRole('dialog').getByRole('button', { name: /取\s?消/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    assert.equal((await read(state.reps.proposer.caller)).status, 'draft');
    await noSidewaysScrolling(page);
    await page.screenshot({ path: join(screenshots, 'rep-proposal-draft.png'), fullPage: true });
  });

  it('both invited representatives accept co-signing on their phones', async () => {
    for (const key of ['first', 'second']) {
      const page = await pageOf(state.reps[key].caller, phone);
      await page.goto(`${app.host.url}/rep/proposals`);
      await page.getByRole('tab', { name: /附议邀请 3/ }).click();
      await page.getByRole('link', { name: new RegExp(title) }).click();
      await page.getByText(`您的附议：待答复`).waitFor();
      await expectButtons(page, ['同意附议', '不附议']);
      if (key === 'first') {
        await page.screenshot({ path: join(screenshots, 'rep-cosign-invitation.png'), fullPage: true });
      }
      await act(page, '同意附议');
      assert.equal((await confirmDialog(page, '同意附议', '/cosigning')).status(), 200);
      await page.getByText('您的附议：已附议').waitFor();
      await expectButtons(page, ['不附议']);
      const proposal = await read(state.reps[key].caller);
      assert.equal(proposal.cosigners.find((c) => c.workerId === state.reps[key].worker.id).status, 'accepted');
      await noSidewaysScrolling(page);
      await page.context().close();
    }
  });

  it('the proposer submits once both have co-signed', async () => {
    const page = state.proposerPage;
    await page.reload();
    await page.getByTestId('cosign-progress').getByText('已有 2 名同意附议，至少需要 2 名').waitFor();
    await act(page, '提交提案');
    assert.equal((await confirmDialog(page, '提交提案', '/submit')).status(), 200);
    await expectButtons(page, []);
    const proposal = await read();
    assert.equal(proposal.status, 'submitted');
    assert.match(proposal.number, /^\d{4}-\d{3}$/);
    state.number = proposal.number;
    await page.screenshot({ path: join(screenshots, 'rep-proposal-submitted.png'), fullPage: true });
  });

  it('the union reviews it, accepts it and assigns it to a department, seeing only its own steps', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '职工提案' }).click();
    await page.getByRole('menuitem', { name: '提案管理' }).click();
    await page.getByText('共 3 件提案').waitFor();
    await page.screenshot({ path: join(screenshots, 'proposals-list.png') });
    const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/proposals/proposals?') && r.url().includes('category=safetyAndHealth'));
    await page.getByRole('combobox', { name: '类别' }).click();
    await chooseOption(page, '安全卫生');
    await filtered;
    await page.getByText('共 1 件提案').waitFor();
    await page.getByRole('link', { name: title }).click();
    await expectButtons(page, ['开始审查', '并案', '关联决议']);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /车间温度记录\.pdf/ }).click();
    assert.equal((await download).suggestedFilename(), '车间温度记录.pdf');

    await act(page, '开始审查');
    await page.getByRole('dialog').getByLabel('备注').fill('提交材料齐全，进入审查。');
    assert.equal((await confirmDialog(page, '开始审查', '/review')).status(), 200);
    await expectButtons(page, ['审查决定', '并案', '关联决议']);
    assert.equal((await read()).status, 'underReview');

    await act(page, '审查决定');
    await page.getByRole('dialog').getByRole('radio', { name: '立案', exact: true }).check();
    await page.getByRole('dialog').getByLabel('理由').fill('涉及职工安全健康，符合立案条件。');
    await page.screenshot({ path: join(screenshots, 'proposal-decide.png') });
    assert.equal((await confirmDialog(page, '保存', '/decision')).status(), 200);
    await expectButtons(page, ['交办', '关联决议']);
    assert.equal((await read()).status, 'accepted');

    await act(page, '交办');
    const lead = page.getByRole('dialog').getByRole('combobox', { name: '主办部门' });
    await lead.click();
    await chooseTreeNode(page, lead, state.department.name);
    await page.getByRole('dialog').locator('.ant-modal-title').click(); // closes the tree, which covers the dialog's buttons
    await page.getByRole('dialog').getByLabel('备注').fill('请于期限内答复提案人。');
    assert.equal((await confirmDialog(page, '保存', '/assign')).status(), 200);
    await expectButtons(page, ['关联决议']);
    const proposal = await read();
    assert.deepEqual([proposal.status, proposal.leadUnitName, proposal.handlingRound], ['assigned', state.department.name, 1]);
    assert.ok(proposal.dueOn);
    await page.screenshot({ path: join(screenshots, 'proposal-assigned.png'), fullPage: true });
  });

  it('a handler of the department answers it from the inbox', async () => {
    const page = await pageOf(state.handler, desktop);
    await page.goto(`${app.host.url}/proposals/inbox`);
    const row = page.locator('tr').filter({ hasText: title });
    await row.waitFor();
    await settled(page);
    assert.equal(await page.locator('tbody tr.ant-table-row').count(), 1);
    await page.screenshot({ path: join(screenshots, 'proposals-inbox.png') });
    await row.getByRole('link', { name: title }).click();
    await expectButtons(page, ['答复']);
    await act(page, '答复');
    await page.getByRole('dialog').getByLabel('答复内容').fill('已于本月更换焊接车间全部排风设备，新增移动式冷风机12台，高温时段作息已调整。');
    assert.equal((await confirmDialog(page, '提交答复', '/answer')).status(), 200);
    await expectButtons(page, []);
    const proposal = await read(state.handler);
    assert.equal(proposal.status, 'answered');
    assert.match(proposal.answer, /排风设备/);
    await page.context().close();
  });

  it('the proposer rates the answer on the phone', async () => {
    const page = state.proposerPage;
    await page.reload();
    await expectButtons(page, ['评价答复']);
    await act(page, '评价答复');
    await page.getByRole('dialog').getByText('满意', { exact: true }).click();
    assert.ok(await page.getByRole('dialog').getByRole('radio', { name: '满意', exact: true }).isChecked());
    await page.getByRole('dialog').getByLabel('意见').fill('设备已到位，降温效果明显。');
    await page.screenshot({ path: join(screenshots, 'rep-proposal-rate.png') });
    assert.equal((await confirmDialog(page, '提交评价', '/rating')).status(), 200);
    await expectButtons(page, []);
    const proposal = await read();
    assert.deepEqual([proposal.status, proposal.rating], ['rated', 'satisfied']);
    await noSidewaysScrolling(page);
    await page.screenshot({ path: join(screenshots, 'rep-proposal-rated.png'), fullPage: true });
  });

  it('the union closes it; its timeline tells the whole way', async () => {
    const { page, problems } = app;
    await page.reload();
    await expectButtons(page, ['结案', '关联决议']);
    await act(page, '结案');
    await page.getByRole('dialog').getByLabel('备注').fill('提案人满意，予以结案。');
    assert.equal((await confirmDialog(page, '结案', '/close')).status(), 200);
    await expectButtons(page, ['关联决议']);
    const proposal = await read();
    assert.equal(proposal.status, 'closed');
    assert.deepEqual(proposal.timeline.map((e) => e.action), ['drafted', 'submitted', 'underReview', 'accepted', 'assigned', 'answered', 'rated', 'closed']);
    await page.getByText('提案人满意，予以结案。').waitFor();
    await page.screenshot({ path: join(screenshots, 'proposal-closed.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
