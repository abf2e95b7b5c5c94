// The app on a phone (390 × 844, and 360 px wide): the menu a drawer under the header, filters folded behind 筛选,
// tables scrolling sideways in their box with a hint and no column squeezed to a character a line, nothing wider than
// the screen; in the representatives' view the results' 反对/弃权/结果 on the screen and every control a fingertip wide.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, chooseOption, openFromMenuDrawer, pageAs, screenshots, suitePatience } from './lib/browser.mjs';
import { holdSession } from './lib/congress.mjs';
import { nextNumber, residentId, unique } from './lib/enterprise.mjs';
import { assertFits, smallTapTargets } from './lib/fit.mjs';
import { proposalPeople, settled, submittedProposal } from './lib/proposals.mjs';

const phone = { width: 390, height: 844 };
const narrowPhone = { width: 360, height: 780 };

/** Checks the page at both phone widths, and comes back to the first. */
async function assertFitsPhones(page, where) {
  for (const viewport of [narrowPhone, phone]) {
    await page.setViewportSize(viewport);
    await assertFits(page, where);
  }
}

/** The headers of the page's tables whose text takes more than one line. */
const wrappedHeaders = (page) => page.evaluate(() => [...document.querySelectorAll('th')].filter((th) => {
  const range = document.createRange();
  range.selectNodeContents(th);
  return new Set([...range.getClientRects()].filter((line) => line.width > 0).map((line) => Math.round(line.top))).size > 1;
}).map((th) => th.textContent));

/** Waits until the (first) table on the page says it scrolls sideways, as it does once it is wider than its box. */
const scrollHintShown = (page) => page.waitForFunction(() => {
  const table = document.querySelector('.ant-table-wrapper');
  return table && getComputedStyle(table, '::before').content.includes('左右滑动查看更多');
});

describe('On a phone', { timeout: suitePatience }, () => {
  const state = {};
  const app = appAsUnion({
    viewport: phone,
    prepare: async ({ union, enterprise }) => {
      const workshop = await union.create('/api/v1/directory/organisations', { parentId: enterprise.id, kind: 'unit', name: '总装车间' });
      for (const [i, post] of ['数控车床操作工', '设备维修工', '装配工'].entries()) {
        await union.create('/api/v1/directory/workers', {
          name: `${'张王李'[i]}${unique('')}`, employeeNumber: `M${String(nextNumber()).padStart(6, '0')}`, residentId: residentId(),
          phone: `139${String(10_000_000 + nextNumber())}`, unitId: workshop.id, post, skillGrade: i === 0 ? 'technician' : 'advanced',
          unionMember: true, unionJoinedOn: '2015-03-01', partyMember: false, hiredOn: '2010-07-01',
        });
      }
      const people = await proposalPeople(union, enterprise, [unique('赵'), unique('钱'), unique('孙')], ['安全环保部']);
      // The register: these three, and the representatives who make the proposals.
      state.workers = 3 + people.reps.length;
      await submittedProposal(people.reps, 'trainingAndCareers', '关于建立青年职工导师带徒制度的提案');
      await submittedProposal(people.reps, 'safetyAndHealth', '关于改善焊接车间通风降温条件、增设夜班职工休息室的提案');
      state.held = await holdSession(union.baseUrl);
    },
  });

  it('opens the menu as a drawer under the header, and the worker register with its filters folded and its table scrolling sideways', async () => {
    const { page, problems } = app;
    const menuButton = page.getByRole('button', { name: '菜单' });
    const menu = page.getByRole('dialog', { name: '菜单' });
    assert.equal(await page.getByRole('menuitem', { name: '首页' }).isVisible(), false);
    await menuButton.click();
    await menu.getByRole('menuitem', { name: '首页' }).waitFor();
    // The drawer starts under the header, which stays in view and in reach: a tap on its menu button closes the drawer.
    const header = await page.locator('header').boundingBox();
    const drawer = await menu.boundingBox();
    assert.ok(drawer.y >= header.y + header.height - 1, `the menu (from ${drawer.y} px) covers the header (to ${header.y + header.height} px)`);
    await page.screenshot({ path: join(screenshots, 'phone-menu.png') });
    await menuButton.click();
    await menu.waitFor({ state: 'hidden' });
    await openFromMenuDrawer(page, '组织与职工', '职工名册');
    await page.getByText(`共 ${state.workers} 人`).waitFor();

    // The search box stays; the other filters wait behind 筛选, and say how many are set once folded again.
    const filtersButton = page.getByRole('button', { name: /筛\s?选/ });
    assert.ok(await page.getByRole('searchbox', { name: '姓名或工号' }).isVisible());
    assert.equal(await page.getByLabel('技能等级').isVisible(), false);
    await filtersButton.click();
    await page.getByLabel('技能等级').click();
    await chooseOption(page, '技师');
    await page.getByText('共 1 人').waitFor();
    await page.keyboard.press('Escape');
    await assertFits(page, 'the worker register with its filters unfolded');
    await filtersButton.click();
    await page.getByRole('button', { name: /筛选（1）/ }).waitFor();
    assert.equal(await page.getByLabel('技能等级').isVisible(), false);

    await scrollHintShown(page);
    assert.deepEqual(await wrappedHeaders(page), []);
    // Scrolled to its end, the table shows its last columns on the screen.
    const scroller = page.locator('.ant-table-content');
    await scroller.evaluate((box) => { box.scrollLeft = box.scrollWidth; });
    const status = await page.getByRole('columnheader', { name: '状态' }).boundingBox();
    assert.ok(status.x >= 0 && status.x + status.width <= phone.width, `状态 at ${status.x}…${status.x + status.width} px`);
    await scroller.evaluate((box) => { box.scrollLeft = 0; });
    await settled(page);
    await assertFitsPhones(page, 'the worker register');
    await page.screenshot({ path: join(screenshots, 'phone-workers.png') });
    assert.deepEqual(problems, []);
  });

  it('shows the proposal list with its titles wrapping in a column of their own', async () => {
    const { page, problems } = app;
    await openFromMenuDrawer(page, '职工提案', '提案管理');
    await page.getByText('共 2 件提案').waitFor();
    const title = page.getByRole('cell', { name: '关于改善焊接车间通风降温条件、增设夜班职工休息室的提案' });
    assert.ok((await title.boundingBox()).width >= 200);
    await scrollHintShown(page);
    assert.deepEqual(await wrappedHeaders(page), []);
    await settled(page);
    await assertFitsPhones(page, 'the proposal list');
    await page.screenshot({ path: join(screenshots, 'phone-proposals.png') });
    assert.deepEqual(problems, []);
  });

  it('shows a held session’s page, its results and its live board', async () => {
    const { held } = state;
    const problems = [];
    const page = await pageAs(app.browser, held.union, phone, problems);
    await page.goto(`${app.host.url}/congress/sessions/${held.sessionId}`);
    // A closed session opens on its results.
    await page.getByRole('region', { name: '关于《集体合同（草案）》的决议的表决结果' }).waitFor();
    await page.getByRole('button', { name: /归\s?档/ }).waitFor();
    await settled(page);
    assert.deepEqual(await wrappedHeaders(page), []);
    await assertFitsPhones(page, 'the session’s results');
    await page.screenshot({ path: join(screenshots, 'phone-session-results.png'), fullPage: true });

    // The tabs that do not fit the screen's width are under the tab bar's “more”.
    await page.locator('.ant-tabs-nav-more').click();
    await page.getByRole('option', { name: '会场实况' }).click();
    await page.getByRole('cell', { name: held.people[0].name }).waitFor();
    await settled(page);
    await assertFitsPhones(page, 'the session’s live board');
    await page.context().close();
    assert.deepEqual(problems, []);
  });

  it('shows a representative the results with 反对, 弃权 and 结果 on the screen, and every control at least 44 px', async () => {
    const { held } = state;
    const problems = [];
    const page = await pageAs(app.browser, held.people[0].client, phone, problems);
    await page.goto(`${app.host.url}/rep/sessions/${held.sessionId}`);
    const results = page.getByRole('region', { name: '关于《集体合同（草案）》的决议的表决结果' });
    await results.waitFor();
    for (const viewport of [phone, narrowPhone]) {
      await page.setViewportSize(viewport);
      for (const column of ['分项', '赞成', '反对', '弃权', '结果']) {
        const box = await results.getByRole('columnheader', { name: column }).boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `${column} at ${box.x}…${box.x + box.width} px on a ${viewport.width} px screen`);
      }
      // The whole table is on the screen, nothing of it scrolled out of sight.
      assert.ok(await results.locator('.ant-table-content').evaluate((box) => box.scrollWidth <= box.clientWidth));
      const outcome = await results.getByText('未通过').first().boundingBox();
      assert.ok(outcome.x + outcome.width <= viewport.width, `未通过 ends at ${outcome.x + outcome.width} px on a ${viewport.width} px screen`);
    }
    await page.setViewportSize(phone);
    await settled(page);
    // The session has no documents, said once.
    assert.equal(await page.getByText('还没有会议文件').count(), 1);
    await page.screenshot({ path: join(screenshots, 'phone-rep-results.png'), fullPage: true });
    await assertFitsPhones(page, 'the representative’s session');
    assert.deepEqual(await smallTapTargets(page), [], 'on the representative’s session');

    for (const [tab, shows] of [['会议', '我的会议'], ['核验回执', '核验投票回执'], ['我的提案', '写提案']]) {
      await page.getByRole('link', { name: tab }).click();
      await page.getByText(shows, { exact: true }).first().waitFor();
      await settled(page);
      await assertFitsPhones(page, `the representative’s ${tab}`);
      assert.deepEqual(await smallTapTargets(page), [], `on the representative’s ${tab}`);
    }
    await page.context().close();
    assert.deepEqual(problems, []);
  });
});
