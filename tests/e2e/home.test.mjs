// The home page against the real API with the demo data of `make run`: each demo role signs in on the page and lands on
// its own to-do, the figures it shows are the API's, and a count leads to its list filtered as counted.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Caller } from './lib/api.mjs';
import { enterpriseToday, launchBrowser, screenshots, signInOnPage, suitePatience } from './lib/browser.mjs';
import { resultsDir, startHost } from './lib/host.mjs';

const demoPassword = 'Workforce-Demo-2026';
const desktop = { width: 1366, height: 800 };

/** Whole days from one yyyy-MM-dd to another. */
const daysBetween = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describe('The home page of each demo role', { timeout: suitePatience }, () => {
  let host;
  let browser;
  const problems = [];

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    host = await startHost(['--Demo:Seed=true']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  /** A page of its own, signed in on the sign-in page as the demo account, once it shows `landsOn`. */
  async function signedIn(loginName, landsOn) {
    const page = await (await browser.newContext({ viewport: desktop, locale: 'zh-CN' })).newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await signInOnPage(page, host.url, loginName, demoPassword, landsOn);
    return page;
  }

  it('shows the union what awaits review, overdue handling, sessions being prepared and failed imports, each leading to its list', async () => {
    const union = await Caller.signIn(host.url, 'jgjx-union', demoPassword);
    const page = await signedIn('jgjx-union');
    // An import of a file without the columns a worker needs fails as it is read.
    const file = join(resultsDir, '缺列的名册.csv');
    await writeFile(file, '\uFEFF姓名,岗位\n张三,钳工\n');
    await page.goto(`${host.url}/integration/imports`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('alert').waitFor();

    await page.getByRole('menuitem', { name: '首页' }).click();
    const total = async (path) => (await union.get(path)).total;
    const awaitingReview = await total('/api/v1/proposals/proposals?status=submitted&status=underReview&limit=1&total=true');
    const overdue = await total('/api/v1/proposals/proposals?overdue=true&limit=1&total=true');
    const planned = await total('/api/v1/congress/sessions?status=planned&limit=1&total=true');
    const failed = await total('/api/v1/directory/imports?phase=failed&limit=1&total=true');
    // The demo data: one proposal submitted to the call and one under review; the next session planned; the import above.
    assert.deepEqual([awaitingReview, planned, failed], [2, 1, 1]);
    const toDo = page.getByRole('region', { name: '待办事项' });
    for (const [title, count] of [['待审查的提案', awaitingReview], ['超期未答复的提案', overdue], ['筹备中的会议', planned], ['失败的导入', failed]]) {
      await toDo.getByRole('link', { name: `${title} ${count}` }).waitFor();
    }
    await page.screenshot({ path: join(screenshots, 'home-union.png'), fullPage: true });

    await toDo.getByRole('link', { name: `待审查的提案 ${awaitingReview}` }).click();
    await page.getByText(`共 ${awaitingReview} 件提案`).waitFor();
    assert.deepEqual(new Set(await page.locator('tbody tr.ant-table-row td:nth-child(5)').allInnerTexts()), new Set(['已提交', '审查中']));
    assert.equal(new URL(page.url()).pathname, '/proposals');

    await page.goBack();
    await toDo.getByRole('link', { name: `筹备中的会议 ${planned}` }).click();
    await page.getByText(`共 ${planned} 次会议`).waitFor();
    assert.deepEqual(await page.locator('tbody tr.ant-table-row').filter({ hasText: '筹备中' }).count(), planned);

    await page.goBack();
    await toDo.getByRole('link', { name: `失败的导入 ${failed}` }).click();
    await page.getByText('近 30 天失败的导入').waitFor();
    await page.locator('tbody tr.ant-table-row').filter({ hasText: '缺列的名册.csv' }).filter({ hasText: '失败' }).waitFor();
    assert.equal(await page.locator('tbody tr.ant-table-row').count(), failed);
    await page.context().close();
    assert.deepEqual(problems, []);
  });

  it('shows a handler the department’s proposals to answer with the days each has left, in the enterprise’s days', async () => {
    const handler = await Caller.signIn(host.url, 'jgjx-hr', demoPassword);
    const toAnswer = await handler.get('/api/v1/proposals/proposals?status=assigned&sort=dueFirst&total=true');
    assert.equal(toAnswer.total, 1);
    const [proposal] = toAnswer.items;
    const left = daysBetween(enterpriseToday(), proposal.dueOn);
    assert.ok(left > 0, `the demo's assigned proposal is due on ${proposal.dueOn}, after today`);

    const page = await signedIn('jgjx-hr');
    const panel = page.locator('.ant-card').filter({ has: page.getByText('本部门待答复的提案', { exact: true }) });
    await panel.getByText('共 1 件待答复，其中 0 件已超期。').waitFor();
    const row = panel.locator('tbody tr.ant-table-row').filter({ hasText: proposal.title });
    await row.getByText(`还剩 ${left} 天`).waitFor();
    assert.match(await row.innerText(), new RegExp(proposal.dueOn));
    await page.screenshot({ path: join(screenshots, 'home-handler.png'), fullPage: true });
    await row.getByRole('link', { name: proposal.title }).click();
    await page.getByRole('button', { name: /^答\s?复$/ }).waitFor();
    await page.context().close();
    assert.deepEqual(problems, []);
  });

  it('takes a representative to the phone view, as before', async () => {
    const page = await signedIn('jgjx-rep1', '我的会议');
    assert.equal(new URL(page.url()).pathname, '/rep');
    await page.context().close();
    assert.deepEqual(problems, []);
  });

  it('shows the region office its enterprises’ proposal and congress figures, one row each', async () => {
    const office = await Caller.signIn(host.url, 'suzhou-office', demoPassword);
    const proposals = await office.get('/api/v1/proposals/region-figures');
    const congress = await office.get('/api/v1/congress/region-figures');
    assert.deepEqual(proposals.enterprises.map((e) => e.enterpriseName).sort(), ['苏州新能电池科技有限公司', '苏州精工机械有限公司'].sort());
    // The demo data: four proposals submitted in each, one with its department, one closed in time.
    assert.deepEqual(proposals.enterprises.map((e) => [e.submitted, e.inHandling, e.closed, e.onTimeAnswerRate]), [[4, 1, 1, 1], [4, 1, 1, 1]]);

    const page = await signedIn('suzhou-office');
    const table = page.locator('.ant-card').filter({ has: page.getByText('各企业情况', { exact: true }) });
    for (const figures of proposals.enterprises) {
      const held = congress.enterprises.find((e) => e.enterpriseId === figures.enterpriseId);
      const latest = held.latestSession;
      const row = table.locator('tbody tr.ant-table-row').filter({ hasText: figures.enterpriseName });
      await row.waitFor();
      await row.getByText(latest.heldOn).waitFor();
      // The areas' columns in the menu's order: the congress's, then the proposals'.
      assert.deepEqual(await row.locator('td').allInnerTexts(), [
        figures.enterpriseName,
        String(held.sessionsHeld), latest.heldOn, `${latest.present}/${latest.rosterSize} (${Math.round((latest.present / latest.rosterSize) * 1000) / 10}%)`,
        String(figures.submitted), String(figures.inHandling), String(figures.overdue), String(figures.closed),
        `${Math.round(figures.onTimeAnswerRate * 1000) / 10}%`,
      ]);
    }
    assert.equal(await page.getByRole('region', { name: '待办事项' }).count(), 0);
    await page.screenshot({ path: join(screenshots, 'home-region.png'), fullPage: true });
    await page.context().close();
    assert.deepEqual(problems, []);
  });
});
