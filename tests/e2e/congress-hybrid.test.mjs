// A hybrid workers' congress held in the app: union staff plan the session (agenda, an itemised motion, a document)
// and open it; representatives check in on their phones until the session is quorate, one more is checked in at the
// hall; the motion is voted online on the phones (confirmation, then the receipt shown once and checked) and on paper
// in the hall; staff close the vote and the session, read the results, export them and open the printable page.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, buttonName, chooseOption, screenshots, signInOnPage, submitDialog, suitePatience } from './lib/browser.mjs';
import { newUser, nextNumber, residentId, unique } from './lib/enterprise.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const button = (page, label) => page.getByRole('button', { name: buttonName(label) });
const items = ['第一部分 工资调整机制', '第二部分 工作时间与休息休假', '第三部分 劳动安全卫生'];
// The online ballots, item by item, of the four representatives with phones; the fifth present votes on paper.
const ballots = [['赞成', '赞成', '反对'], ['赞成', '反对', '赞成'], ['赞成', '赞成', '弃权'], ['反对', '赞成', '赞成']];
const paperBallot = ['赞成', '反对', '弃权'];

describe('A hybrid congress', { timeout: suitePatience }, () => {
  const state = { people: [] };
  const app = appAsUnion({
    viewport: { width: 1366, height: 900 },
    prepare: async ({ union, enterprise }) => {
      state.term = await union.create('/api/v1/directory/terms', { number: 3, startsOn: '2024-01-01', endsOn: '2028-12-31' });
      for (let i = 0; i < 6; i++) {
        const name = unique('代表');
        const worker = await union.create('/api/v1/directory/workers', {
          name, employeeNumber: `H${String(nextNumber()).padStart(6, '0')}`, residentId: residentId(), unitId: enterprise.id, unionMember: true, partyMember: false,
        });
        await union.create(`/api/v1/directory/terms/${state.term.id}/representatives`, { workerId: worker.id, delegationGroup: `第${(i % 2) + 1}代表团` });
        state.people.push({ name, workerId: worker.id });
      }
    },
  });
  const online = () => state.people.slice(0, 4);
  const inHall = () => state.people[4];

  /** A representative's phone, signed in on the app's page. */
  async function phoneOf(person) {
    if (!person.account) {
      person.account = await newUser(app.host.url, app.setup.union, 'representative', app.setup.enterprise.id, person.workerId);
    }
    const context = await app.browser.newContext(phone);
    const page = await context.newPage();
    page.on('pageerror', (error) => app.problems.push(error.message));
    // Signing in, a representative lands in the phone view.
    await signInOnPage(page, app.host.url, person.account.loginName, person.account.password, '我的会议');
    return page;
  }

  it('plans the session: agenda, an itemised motion and a document, then opens it', async () => {
    const { page, setup, problems } = app;
    await page.getByRole('menuitem', { name: '职代会' }).click();
    await page.getByRole('menuitem', { name: '会议' }).click();
    await page.getByText('还没有会议').waitFor();
    await page.getByRole('button', { name: '筹备会议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('第几次会议').fill('2');
    await dialog.getByLabel('会场').fill('职工活动中心一楼报告厅');
    assert.equal((await submitDialog(page, '会场', '/congress/sessions')).status(), 201);
    await page.getByText('第三届职工代表大会第二次会议').first().waitFor();
    state.session = (await setup.union.get('/api/v1/congress/sessions')).items[0];

    await page.getByRole('tab', { name: '议程' }).click();
    await page.getByRole('button', { name: '添加环节' }).click();
    await page.getByRole('button', { name: '添加环节' }).click();
    await page.getByRole('button', { name: '添加环节' }).click();
    await page.getByLabel('环节 3').click();
    await chooseOption(page, '议题表决');
    await page.getByLabel('方式 3').click();
    await chooseOption(page, '线下');
    const agendaSaved = page.waitForResponse((r) => r.url().endsWith('/agenda') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: '保存议程' }).click();
    assert.equal((await agendaSaved).status(), 200);
    await page.getByText('议程已保存').waitFor();
    await page.screenshot({ path: join(screenshots, 'congress-agenda.png') });
    const agenda = await setup.union.get(`/api/v1/congress/sessions/${state.session.id}/agenda`);
    assert.deepEqual(agenda.map((s) => [s.kind, s.title, s.channel]), [
      ['checkIn', '代表签到', 'online'], ['documentReview', '审议文件', 'online'], ['motionVote', '议题表决', 'offline'],
    ]);

    await page.getByRole('tab', { name: '表决事项' }).click();
    await page.getByRole('button', { name: '新增议题' }).click();
    const motion = page.getByRole('dialog');
    await motion.getByLabel('标题').fill('关于《集体合同（草案）》的决议');
    for (let i = 0; i < items.length; i++) {
      await motion.getByRole('button', { name: '添加分项' }).click();
      await motion.getByLabel(`分项 ${i + 1}`).fill(items[i]);
    }
    assert.equal((await submitDialog(page, '标题', '/motions')).status(), 201);
    await page.getByRole('cell', { name: '关于《集体合同（草案）》的决议' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'congress-polls.png') });

    await page.getByRole('tab', { name: '会议文件' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: '集体合同（草案）.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1') });
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/documents') && r.request().method() === 'POST');
    await button(page, '上传').click();
    assert.equal((await uploaded).status(), 201);
    await page.getByRole('cell', { name: '集体合同（草案）', exact: true }).waitFor();
    await page.screenshot({ path: join(screenshots, 'congress-documents.png') });

    const opened = page.waitForResponse((r) => r.url().endsWith('/open') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '宣布开会' }).click();
    await button(page, '确定').click();
    assert.equal((await opened).status(), 200);
    await page.getByText('未达法定人数').first().waitFor();
    assert.deepEqual(problems, []);
  });

  it('checks representatives in on their phones once online check-in opens, and one at the hall, until the session is quorate', async () => {
    const { page, problems } = app;
    const first = online()[0];
    first.page = await phoneOf(first);
    await first.page.screenshot({ path: join(screenshots, 'rep-sessions.png') });
    await first.page.getByText(state.session.name).click();
    await first.page.getByText('网上签到尚未开始或已结束，请到会场签到。').waitFor();

    await page.getByRole('tab', { name: '议程' }).click();
    const checkInOpened = page.waitForResponse((r) => r.url().endsWith('/open') && r.url().includes('/agenda/'));
    await page.locator('tr').filter({ hasText: '代表签到' }).getByRole('button', { name: /开\s?始/ }).click();
    assert.equal((await checkInOpened).status(), 200);
    await page.getByRole('tab', { name: '会场实况' }).click();

    for (const [i, person] of online().entries()) {
      person.page ??= await phoneOf(person);
      if (i > 0) {
        await person.page.getByText(state.session.name).click();
      }
      await button(person.page, '签到').click();
      await person.page.getByText('已签到').first().waitFor();
      if (i === 0) {
        await person.page.screenshot({ path: join(screenshots, 'rep-session-checked-in.png'), fullPage: true });
      }
    }
    // Four of six present: the board sees them by itself, and the quorum (more than two thirds: 5) is not there yet.
    const board = page.getByRole('region', { name: '出席情况' });
    await board.getByText('4/6').waitFor();
    await board.getByText('未达法定人数').waitFor();
    await page.locator('tr').filter({ hasText: inHall().name }).getByRole('button', { name: '登记签到' }).click();
    const recorded = page.waitForResponse((r) => r.url().endsWith('/check-ins'));
    await page.getByRole('menuitem', { name: '现场签到' }).click();
    assert.equal((await recorded).status(), 200);
    await board.getByText('已达法定人数').waitFor();
    await board.getByText('5/6').waitFor();
    await page.screenshot({ path: join(screenshots, 'congress-live-quorate.png'), fullPage: true });
    await online()[0].page.getByText('实到 5 人 / 应到 6 人').waitFor();

    // A representative confirms reading the document on the phone; staff see it counted against the roster.
    const reader = online()[0].page;
    const read = reader.waitForResponse((r) => r.url().endsWith('/read'));
    await reader.getByRole('button', { name: '确认已阅' }).click();
    assert.equal((await read).status(), 200);
    await reader.getByText(/^已阅 /).waitFor();
    await page.getByRole('tab', { name: '会议文件' }).click();
    await page.getByRole('cell', { name: '1/6' }).waitFor();
    await page.getByRole('tab', { name: '会场实况' }).click();
    assert.deepEqual(problems, []);
  });

  it('votes on the motion: on the phones with a confirmation and a receipt shown once, and on paper in the hall', async () => {
    const { page, setup, problems } = app;
    await page.getByRole('tab', { name: '表决事项' }).click();
    const opened = page.waitForResponse((r) => r.url().endsWith('/open') && r.url().includes('/polls/'));
    await page.getByRole('button', { name: '开始投票' }).click();
    assert.equal((await opened).status(), 200);

    for (const [i, person] of online().entries()) {
      const phonePage = person.page;
      await button(phonePage, '投票').click();
      const sheet = phonePage.getByRole('dialog', { name: '关于《集体合同（草案）》的决议' });
      for (let item = 0; item < items.length; item++) {
        await sheet.getByRole('group', { name: items[item] }).getByText(ballots[i][item], { exact: true }).click();
      }
      if (i === 0) {
        await phonePage.screenshot({ path: join(screenshots, 'rep-vote-choose.png') });
      }
      await sheet.getByRole('button', { name: '下一步：核对选票' }).click();
      await sheet.getByText('选票提交后不能更改').waitFor();
      if (i === 0) {
        await phonePage.screenshot({ path: join(screenshots, 'rep-vote-confirm.png') });
      }
      const cast = phonePage.waitForResponse((r) => r.url().endsWith('/ballot'));
      await sheet.getByRole('button', { name: '确认投票' }).click();
      assert.equal((await cast).status(), 200);
      person.receipt = (await sheet.getByTestId('ballot-receipt').innerText()).trim();
      assert.match(person.receipt, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      if (i === 0) {
        await phonePage.screenshot({ path: join(screenshots, 'rep-vote-receipt.png') });
      }
      await sheet.getByRole('button', { name: '我已保存回执' }).click();
      await sheet.waitFor({ state: 'detached' });
      await phonePage.getByText('已投票').first().waitFor();
      // The receipt was shown once: nothing on the page keeps it.
      assert.equal(await phonePage.getByText(person.receipt).count(), 0);
    }

    const paperVoters = page.waitForResponse((r) => r.url().endsWith('/paper-voters'));
    await page.getByRole('button', { name: '登记纸质投票' }).click();
    await page.getByText('选择全部现场签到代表（1 人）').click();
    await page.getByRole('dialog').getByRole('button', { name: /保\s?存/ }).click();
    assert.equal((await paperVoters).status(), 200);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '录入纸质票数' }).click();
    const counts = page.getByRole('dialog');
    for (let item = 0; item < items.length; item++) {
      await counts.getByLabel(`${items[item]} ${paperBallot[item]}`).fill('1');
    }
    await page.screenshot({ path: join(screenshots, 'congress-paper-counts.png') });
    const counted = page.waitForResponse((r) => r.url().endsWith('/paper-counts'));
    await counts.getByRole('button', { name: /保\s?存/ }).click();
    assert.equal((await counted).status(), 200);
    await counts.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '会场实况' }).click();
    await page.getByRole('region', { name: '投票进度' }).getByText('5/6').waitFor();
    await page.screenshot({ path: join(screenshots, 'congress-live-turnout.png'), fullPage: true });
    const polls = await setup.union.get(`/api/v1/congress/sessions/${state.session.id}/polls`);
    assert.equal(polls[0].votesCast, 5);
    assert.deepEqual(problems, []);
  });

  it('checks a receipt on the phone: counted, and a wrong one not found', async () => {
    const { problems } = app;
    const person = online()[0];
    const phonePage = person.page;
    await phonePage.getByRole('link', { name: '核验回执' }).click();
    await phonePage.getByLabel('会议').click();
    await chooseOption(phonePage, state.session.name);
    await phonePage.getByLabel('表决事项').click();
    await chooseOption(phonePage, '关于《集体合同（草案）》的决议');
    await phonePage.getByLabel('回执码').fill(person.receipt.toLowerCase());
    await button(phonePage, '核验').click();
    await phonePage.getByText('此回执对应的选票已计入。').waitFor();
    await phonePage.screenshot({ path: join(screenshots, 'rep-receipt-check.png') });
    await phonePage.getByLabel('回执码').fill('ABCD-EFGH-JKMN-PQRS');
    await button(phonePage, '核验').click();
    await phonePage.getByText('没有找到此回执').waitFor();
    assert.equal(await phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    assert.deepEqual(problems, []);
  });

  it('closes the vote and the session, shows the results, exports them and opens the printable page', async () => {
    const { page, problems } = app;
    await page.getByRole('tab', { name: '表决事项' }).click();
    const closed = page.waitForResponse((r) => r.url().endsWith('/close') && r.url().includes('/polls/'));
    await page.getByRole('button', { name: '结束投票' }).click();
    await button(page, '确定').click();
    assert.equal((await closed).status(), 200);
    const sessionClosed = page.waitForResponse((r) => r.url().endsWith(`/sessions/${state.session.id}/close`));
    await button(page, '闭会').click();
    await button(page, '确定').click();
    assert.equal((await sessionClosed).status(), 200);
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });

    const results = page.getByRole('region', { name: '关于《集体合同（草案）》的决议的表决结果' });
    await results.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = await results.locator('tbody tr.ant-table-row').allInnerTexts();
    // For, against, abstain: four online ballots and one paper ballot; passing needs more than half of all six (4).
    assert.match(rows[0], new RegExp(`${items[0]}\\s+4\\s+1\\s+0\\s+通过`));
    assert.match(rows[1], new RegExp(`${items[1]}\\s+3\\s+2\\s+0\\s+未通过`));
    assert.match(rows[2], new RegExp(`${items[2]}\\s+2\\s+1\\s+2\\s+未通过`));
    await page.getByText('应到代表 6 人，投票 5 人（网上 4 人，纸质 1 人），投票率 83.3%。 通过规则：全体代表过半数赞成。').waitFor();
    await page.screenshot({ path: join(screenshots, 'congress-results.png'), fullPage: true });

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csv = await downloading;
    assert.equal(csv.suggestedFilename(), `${state.session.name}.csv`);
    const { readFile } = await import('node:fs/promises');
    assert.match(await readFile(await csv.path(), 'utf8'), new RegExp(items[0]));
    const xlsxDownloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const xlsx = await xlsxDownloading;
    assert.equal(xlsx.suggestedFilename(), `${state.session.name}.xlsx`);
    assert.equal((await readFile(await xlsx.path())).subarray(0, 2).toString(), 'PK');

    const printing = page.context().waitForEvent('page');
    await page.getByRole('link', { name: /打印结果/ }).click();
    const printable = await printing;
    await printable.waitForLoadState();
    assert.match(await printable.locator('body').innerText(), /应到代表6人，投票5人（网上4人，纸质1人），投票率83\.3%/);
    await printable.screenshot({ path: join(screenshots, 'congress-printable.png'), fullPage: true });

    await page.getByRole('menuitem', { name: '会议' }).click();
    await page.getByRole('cell', { name: state.session.name }).waitFor();
    await page.getByText('共 1 次会议').waitFor();
    // The table fades back in after loading: the picture waits for it.
    await page.waitForFunction(() => [...document.querySelectorAll('.ant-spin-container')].every((e) => getComputedStyle(e).opacity === '1'));
    await page.screenshot({ path: join(screenshots, 'congress-sessions.png') });
    assert.deepEqual(problems, []);
  });
});
