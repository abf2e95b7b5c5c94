// A region's excellent-proposal award campaign in the browser: the region office opens it, enterprises nominate their
// closed proposals, a reviewer scores (and is refused on their own enterprise's nomination), the ranking is checked
// against figures worked out by hand, awards are decided and an escalation to the people's congress recorded.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Caller } from './lib/api.mjs';
import { chooseOption, discardChanges, launchBrowser, screenshots, signInOnPage, submitDialog, suitePatience } from './lib/browser.mjs';
import { newUser } from './lib/enterprise.mjs';
import { adminPassword, startHost } from './lib/host.mjs';
import { proposalDesk } from './lib/proposal-states.mjs';

const campaignName = '2026年度职工优秀提案评选';
const criteria = [{ name: '创新性', weight: 60 }, { name: '可行性', weight: 40 }];

// Each reviewer's scores (创新性, 可行性) by nomination; 张明远 comes from 精工机械, which nominated NA.
const scores = {
  NA: { 王丽华: [80, 70], 赵国强: [90, 60] },
  NB1: { 张明远: [70, 90], 王丽华: [80, 70], 赵国强: [75, 75] },
  NB2: { 张明远: [80, 70], 王丽华: [75, 80], 赵国强: [80, 75] },
};

/** The ranking worked out by hand: each reviewer's weighted score, their mean; ties by the mean on 创新性, then reviewers, then order. */
function rankByHand() {
  const round = (x) => Math.round(x * 100) / 100;
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return Object.entries(scores).map(([key, byReviewer], order) => {
    const given = Object.values(byReviewer);
    return {
      key, order, reviewers: given.length,
      score: round(mean(given.map(([a, b]) => (a * criteria[0].weight + b * criteria[1].weight) / 100))),
      lead: round(mean(given.map(([a]) => a))),
    };
  }).sort((x, y) => y.score - x.score || y.lead - x.lead || y.reviewers - x.reviewers || x.order - y.order);
}

/** Chooses in a searchable select by typing the option's text and taking the one match with Enter. */
async function pick(page, select, text) {
  await select.click();
  await select.fill(text);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active').filter({ hasText: text }).waitFor();
  await select.press('Enter');
  await select.locator(`xpath=ancestor::div[@title='${text}']`).waitFor();
}

describe('An award campaign of a region', { timeout: suitePatience }, () => {
  let host;
  let browser;
  const people = {};
  const titles = {
    NA: '关于数控车间增设自动排屑装置的提案',
    NB1: '关于纺纱车间降温除湿改造的提案',
    NB2: '关于建立新员工师徒结对制度的提案',
  };
  const proposals = {};
  const nominations = {};
  let campaign;
  const problems = [];

  const signedInPage = async (person) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await signInOnPage(page, host.url, person.loginName, person.password);
    return page;
  };

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    host = await startHost();
    const admin = await Caller.signIn(host.url, 'admin', adminPassword);
    const region = await admin.create('/api/v1/directory/organisations', { parentId: '00000000-0000-7000-8000-000000000001', kind: 'region', name: '杭州市产改办' });
    people.office = await newUser(host.url, admin, 'regionAdmin', region.id, undefined, '陈主任');
    const a = await people.office.create('/api/v1/directory/organisations', { parentId: region.id, kind: 'enterprise', name: '杭州精工机械有限公司' });
    const b = await people.office.create('/api/v1/directory/organisations', { parentId: region.id, kind: 'enterprise', name: '杭州海天纺织有限公司' });
    people.enterprises = { a, b };
    people.unionA = await newUser(host.url, people.office, 'enterpriseAdmin', a.id, undefined, '精工机械工会 刘芳');
    people.unionB = await newUser(host.url, people.office, 'enterpriseAdmin', b.id, undefined, '海天纺织工会 孙伟');
    for (const name of ['张明远', '王丽华', '赵国强']) {
      people[name] = await newUser(host.url, people.office, 'regionAdmin', region.id, undefined, name);
    }
    const deskA = await proposalDesk(host.url, people.unionA, a.id, { proposer: '李建华', department: '数控车间' });
    const deskB = await proposalDesk(host.url, people.unionB, b.id, { proposer: '周晓梅', department: '纺纱车间' });
    proposals.NA = await deskA.take('closed', { title: titles.NA, category: 'production' });
    proposals.NB1 = await deskB.take('closed', { title: titles.NB1, category: 'safetyAndHealth' });
    proposals.NB2 = await deskB.take('closed', { title: titles.NB2, category: 'trainingAndCareers', rating: 'basicallySatisfied' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('is opened by the region office with weighted criteria and reviewers, the weights held to 100 by the API', async () => {
    const page = await signedInPage(people.office);
    await page.goto(`${host.url}/awards`);
    await page.getByText('还没有评选活动').waitFor();
    await page.getByRole('button', { name: '发起评选' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('评选名称').fill(campaignName);
    await dialog.getByLabel('评选说明').fill('面向全市企业征集2026年度已办结的职工优秀提案，经评审后予以表彰奖励。');
    await dialog.getByLabel('推荐截止日期').fill('2026-12-31');
    await dialog.getByLabel('推荐截止日期').press('Enter');
    await dialog.getByLabel('评分项 1').fill(criteria[0].name);
    await dialog.getByLabel('权重（%） 1').fill('60');
    await dialog.getByLabel('评分项 2').fill(criteria[1].name);
    await dialog.getByLabel('权重（%） 2').fill('30');
    const reviewers = [['张明远', '杭州精工机械有限公司'], ['王丽华'], ['赵国强']];
    for (const [i, [name, enterprise]] of reviewers.entries()) {
      if (i > 0) {
        await dialog.getByRole('button', { name: '添加评审人' }).click();
      }
      await pick(page, dialog.getByLabel(`评审人（本区域账号） ${i + 1}`), `${name}（${people[name].loginName}）`);
      if (enterprise) {
        await pick(page, dialog.getByLabel(`所在企业 ${i + 1}`), enterprise);
      }
    }
    await dialog.getByText('权重合计：90 / 100').waitFor();

    const refused = await submitDialog(page, '评选名称', '/api/v1/proposals/award-campaigns');
    assert.equal(refused.status(), 422);
    await dialog.getByText('各项评选标准的权重之和须为 100。').waitFor();

    await dialog.getByLabel('权重（%） 2').fill('40');
    await dialog.getByText('权重合计：100 / 100').waitFor();
    await dialog.getByText('各项评选标准的权重之和须为 100。').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(screenshots, 'awards-open-campaign.png') });
    const opened = await submitDialog(page, '评选名称', '/api/v1/proposals/award-campaigns');
    assert.equal(opened.status(), 201);
    campaign = await opened.json();
    await page.waitForURL(`**/awards/campaigns/${campaign.id}`);
    await page.getByText('张明远（杭州精工机械有限公司）').waitFor();
    assert.deepEqual(campaign.criteria.map((c) => [c.name, c.weight]), criteria.map((c) => [c.name, c.weight]));
    assert.equal(campaign.reviewers.find((r) => r.name === '张明远').enterpriseId, people.enterprises.a.id);
    await page.goto(`${host.url}/awards`);
    await page.getByRole('cell', { name: campaignName }).waitFor();
    await page.screenshot({ path: join(screenshots, 'awards-campaigns.png') });
    await page.context().close();
  });

  it('takes the enterprises\' nominations of closed proposals: one in the browser, two over the API', async () => {
    const page = await signedInPage(people.unionA);
    await page.goto(`${host.url}/awards`);
    await page.getByText('杭州市产改办').waitFor();
    await page.getByRole('button', { name: `推荐提案：${campaignName}` }).click();
    const dialog = page.getByRole('dialog');
    const number = (await people.unionA.get(`/api/v1/proposals/proposals/${proposals.NA}`)).number;
    await dialog.getByLabel('已办结的提案').click();
    await chooseOption(page, `${number} ${titles.NA}`);
    await dialog.getByLabel('推荐理由').fill('改造后排屑效率提高一倍，切实减轻了职工劳动强度。');
    const nominated = page.waitForResponse((r) => r.url().endsWith(`/proposals/${proposals.NA}/nominations`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    assert.equal((await nominated).status(), 201);
    nominations.NA = (await (await nominated).json()).id;
    await page.getByRole('cell', { name: titles.NA }).waitFor();
    await page.screenshot({ path: join(screenshots, 'awards-nominate.png') });
    await page.context().close();

    for (const key of ['NB1', 'NB2']) {
      nominations[key] = (await people.unionB.create(`/api/v1/proposals/proposals/${proposals[key]}/nominations`,
        { campaignId: campaign.id, statement: '该提案落实后职工满意度高，具有推广价值。' })).id;
    }
  });

  it('moves to reviewing, where a reviewer scores in the browser and is refused on their own enterprise\'s nomination', async () => {
    const office = await signedInPage(people.office);
    await office.goto(`${host.url}/awards/campaigns/${campaign.id}`);
    await office.getByRole('cell', { name: titles.NB2 }).waitFor();
    await office.getByRole('button', { name: '结束推荐，开始评审' }).click();
    const started = office.waitForResponse((r) => r.url().endsWith(`/award-campaigns/${campaign.id}/review`));
    await office.getByRole('button', { name: /^确\s?定$/ }).click();
    assert.equal((await started).status(), 200);
    await office.locator('.ant-card-head').getByText('评审中').waitFor();
    await office.screenshot({ path: join(screenshots, 'awards-campaign.png') });
    await office.context().close();

    const page = await signedInPage(people['张明远']);
    await page.goto(`${host.url}/awards/campaigns/${campaign.id}`);
    await page.getByText('本企业推荐，须回避').waitFor();
    await page.getByRole('button', { name: `评分：${titles.NA}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('创新性（权重 60%）').fill('100');
    await dialog.getByLabel('可行性（权重 40%）').fill('100');
    const refused = await submitDialog(page, '创新性（权重 60%）', `/award-nominations/${nominations.NA}/my-scores`, 'PUT');
    assert.equal(refused.status(), 403);
    assert.equal((await refused.json()).code, 'conflict_of_interest');
    await dialog.getByRole('alert').getByText('您来自杭州精工机械有限公司，该提案由您所在企业推荐，按回避规定不能由您评分').waitFor();
    await page.screenshot({ path: join(screenshots, 'awards-score-refused.png') });
    await discardChanges(page, dialog);

    for (const key of ['NB1', 'NB2']) {
      await page.getByRole('button', { name: `评分：${titles[key]}` }).click();
      const [innovation, feasibility] = scores[key]['张明远'];
      await dialog.getByLabel('创新性（权重 60%）').fill(String(innovation));
      await dialog.getByLabel('可行性（权重 40%）').fill(String(feasibility));
      if (key === 'NB1') {
        await page.screenshot({ path: join(screenshots, 'awards-score.png') });
      }
      const saved = await submitDialog(page, '创新性（权重 60%）', `/award-nominations/${nominations[key]}/my-scores`, 'PUT');
      assert.equal(saved.status(), 200);
      const weighted = (innovation * 60 + feasibility * 40) / 100;
      await page.getByText(`评分已保存，加权得分 ${weighted.toFixed(2)} 分`).waitFor();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: `评分：${titles.NB2}` }).filter({ hasText: /修改评分/ }).waitFor();

    const criteriaIds = campaign.criteria.map((c) => c.id);
    for (const reviewer of ['王丽华', '赵国强']) {
      for (const key of Object.keys(scores)) {
        const given = scores[key][reviewer];
        await people[reviewer].put(`/api/v1/proposals/award-nominations/${nominations[key]}/my-scores`,
          { scores: given.map((score, i) => ({ criterionId: criteriaIds[i], score })) });
      }
    }
    await page.context().close();
  });

  it('ranks by the weighted mean with the API\'s tie-breaks, as worked out by hand; decided with awards and an escalation', async () => {
    const page = await signedInPage(people.office);
    await page.goto(`${host.url}/awards/campaigns/${campaign.id}`);
    await page.getByRole('tab', { name: '评审排名' }).click();
    const rows = page.getByRole('tabpanel').locator('tbody tr.ant-table-row');
    await rows.nth(2).waitFor();
    await page.getByText('“创新性”（权重最高的评分项）平均分高者在前').waitFor();
    const expected = rankByHand();
    assert.deepEqual(expected.map((r) => r.key), ['NA', 'NB2', 'NB1'], 'NA and NB2 tie on 77.00; NA leads on 创新性');
    for (const [i, figures] of expected.entries()) {
      const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim());
      assert.deepEqual(cells.slice(0, 7), [String(i + 1), cells[1], titles[figures.key], figures.key === 'NA' ? '杭州精工机械有限公司' : '杭州海天纺织有限公司',
        figures.score.toFixed(2), figures.lead.toFixed(2), String(figures.reviewers)]);
    }

    await page.getByRole('button', { name: '结束评审，确定结果' }).click();
    const decided = page.waitForResponse((r) => r.url().endsWith(`/award-campaigns/${campaign.id}/decide`));
    await page.getByRole('button', { name: /^确\s?定$/ }).click();
    assert.equal((await decided).status(), 200);
    await page.locator('.ant-card-head').getByText('已评定').waitFor();

    for (const [key, level, reward] of [['NA', '一等奖', '奖金 2000 元'], ['NB2', '二等奖', '奖金 1000 元'], ['NB1', '三等奖', '荣誉证书']]) {
      await page.getByRole('button', { name: `评定奖项：${titles[key]}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('获奖等次').fill(level);
      await dialog.getByLabel('物质奖励').fill(reward);
      const awarded = await submitDialog(page, '物质奖励', `/award-nominations/${nominations[key]}/award`, 'PUT');
      assert.equal(awarded.status(), 200);
      await dialog.waitFor({ state: 'detached' });
      await rows.filter({ hasText: titles[key] }).getByText(reward).waitFor();
    }

    await page.getByRole('button', { name: `记录转报：${titles.NA}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('人大（人大代表建议）').check();
    await dialog.getByLabel('受理编号').fill('杭人大建〔2026〕0123号');
    await dialog.getByLabel('备注').fill('经市总工会推荐，转为市人大代表建议。');
    const escalated = await submitDialog(page, '受理编号', `/award-nominations/${nominations.NA}/escalations`);
    assert.equal(escalated.status(), 201);
    await dialog.waitFor({ state: 'detached' });
    await page.screenshot({ path: join(screenshots, 'awards-ranking.png') });

    await rows.filter({ hasText: titles.NA }).getByRole('button', { name: /^查\s?看$/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('杭人大建〔2026〕0123号').waitFor();
    await drawer.getByText('改造后排屑效率提高一倍，切实减轻了职工劳动强度。').waitFor();
    await drawer.getByText('一等奖').waitFor();
    await page.screenshot({ path: join(screenshots, 'awards-nomination.png') });
    const ranking = await people.office.get(`/api/v1/proposals/award-campaigns/${campaign.id}/ranking`);
    assert.deepEqual(ranking.rows.map((r) => [r.title, r.score, r.awardLevel]),
      [[titles.NA, 77, '一等奖'], [titles.NB2, 77, '二等奖'], [titles.NB1, 76.33, '三等奖']]);
    await page.context().close();

    const union = await signedInPage(people.unionA);
    await union.goto(`${host.url}/awards`);
    await union.getByRole('row').filter({ hasText: titles.NA }).getByText('一等奖').waitFor();
    await union.screenshot({ path: join(screenshots, 'awards-nominate-result.png') });
    await union.context().close();
    assert.deepEqual(problems, []);
  });
});
