// The users screen against the real API: an account made for a department's handler, granted a second role and
// the grant taken back; a representative's account linked to their worker, found by employee number; a password
// reset, shown once, after which its user must choose their own; an account disabled (its session ends, it cannot
// sign in) and enabled again. Each step as the API then holds it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Caller } from './lib/api.mjs';
import { appAsUnion, buttonName, chooseOption, chooseSearchResult, screenshots, signInOnPage, suitePatience } from './lib/browser.mjs';
import { newUser, nextNumber, residentId, unique } from './lib/enterprise.mjs';

describe('Users and grants', { timeout: suitePatience }, () => {
  const people = {};
  const app = appAsUnion({
    prepare: async ({ union, enterprise }) => {
      await union.create('/api/v1/directory/organisations', { parentId: enterprise.id, kind: 'unit', name: '安全环保部' });
      const name = unique('李');
      const employeeNumber = `U${String(nextNumber()).padStart(6, '0')}`;
      people.worker = await union.create('/api/v1/directory/workers', {
        name, employeeNumber, residentId: residentId(), unitId: enterprise.id, unionMember: true, partyMember: false,
      });
      const url = union.baseUrl;
      people.representative = await newUser(url, union, 'representative', enterprise.id, undefined, name);
      people.clerk = await newUser(url, union, 'handler', enterprise.id);
      people.leaver = await newUser(url, union, 'handler', enterprise.id);
    },
  });

  const rowOf = (page, loginName) => page.locator('tr').filter({ has: page.getByRole('cell', { name: loginName, exact: true }) });
  const confirmDialog = (page) => page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
  const login = (loginName, password) => fetch(`${app.host.url}/api/v1/access/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginName, password }),
  });
  const sessionAlive = async (caller) => (await caller.send('GET', '/api/v1/access/me')).status === 200;

  it('creates a handler of a department, grants and revokes a second role', async () => {
    const { page, setup, problems } = app;
    const loginName = unique('anquan');
    await page.getByRole('menuitem', { name: '账号与权限' }).click();
    await page.getByRole('menuitem', { name: '用户与授权' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('登录名').fill(loginName);
    await dialog.getByLabel('姓名').fill('安全员');
    await dialog.getByLabel('初始密码').fill('Handler-Password-2026');
    await dialog.getByLabel('角色').click();
    await chooseOption(page, '承办人');
    await dialog.getByLabel('授权单位').click();
    await chooseOption(page, '安全环保部');
    await dialog.getByLabel('登录名').press('Enter');
    await page.getByRole('cell', { name: loginName }).waitFor();
    await page.getByText('承办人 @ 安全环保部').waitFor();

    const row = page.locator('tr').filter({ hasText: loginName });
    await row.getByRole('button', { name: '管理授权' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('角色').click();
    await chooseOption(page, '职工');
    await drawer.getByLabel('授权单位').click();
    await chooseOption(page, setup.enterpriseName);
    await drawer.getByRole('button', { name: /^授\s?权$/ }).click();
    await drawer.getByText(`职工 @ ${setup.enterpriseName}`).waitFor();
    await page.screenshot({ path: join(screenshots, 'user-grants.png') });

    const user = (await setup.union.get(`/api/v1/access/users?q=${loginName}`)).items[0];
    assert.deepEqual(user.grants.map((g) => g.role).sort(), ['handler', 'worker']);
    await drawer.locator('.ant-list-item').filter({ hasText: '职工 @' }).getByRole('button', { name: /收\s?回/ }).click();
    await drawer.getByText(`职工 @ ${setup.enterpriseName}`).waitFor({ state: 'detached' });
    const after = (await setup.union.get(`/api/v1/access/users?q=${loginName}`)).items[0];
    assert.deepEqual(after.grants.map((g) => g.role), ['handler']);
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  });

  it("links a representative's account to their worker, found by employee number", async () => {
    const { page, setup, problems } = app;
    const { representative, worker } = people;
    await rowOf(page, representative.loginName).getByRole('button', { name: '关联职工' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('关联职工', { exact: true }).click();
    await page.keyboard.type(worker.employeeNumber);
    await chooseSearchResult(page, `${worker.name}（${worker.employeeNumber}，.*）`);
    await dialog.getByRole('button', { name: buttonName('保存') }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowOf(page, representative.loginName).getByText(`${worker.name}（${worker.employeeNumber}，${setup.enterpriseName}）`).waitFor();

    const user = await setup.union.get(`/api/v1/access/users/${representative.id}`);
    assert.equal(user.workerId, worker.id);
    assert.equal((await representative.get('/api/v1/access/me')).workerId, worker.id);
    assert.deepEqual(problems, []);
  });

  it('resets a password, shows it once, and its user must choose their own when signing in with it', async () => {
    const { page, setup, problems } = app;
    const { clerk } = people;
    assert.equal(await sessionAlive(clerk), true);
    await rowOf(page, clerk.loginName).getByRole('button', { name: '重置密码' }).click();
    await confirmDialog(page);
    const password = await page.getByTestId('issued-secret').innerText();
    assert.ok(password.length >= 10);
    await page.screenshot({ path: join(screenshots, 'user-password-reset.png') });
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByTestId('issued-secret').waitFor({ state: 'detached' });
    await rowOf(page, clerk.loginName).getByText('待本人改密码').waitFor();
    assert.equal((await page.locator('body').innerText()).includes(password), false);
    assert.equal(await sessionAlive(clerk), false);
    assert.equal((await login(clerk.loginName, clerk.password)).status, 401);

    const context = await app.browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const own = await context.newPage();
    own.on('pageerror', (error) => problems.push(error.message));
    await signInOnPage(own, app.host.url, clerk.loginName, password, '设置您自己的密码');
    const chosen = 'My-Own-Choice-2027';
    await own.getByLabel('当前密码', { exact: true }).fill(password);
    await own.getByLabel('新密码', { exact: true }).fill(chosen);
    await own.getByLabel('再次输入新密码', { exact: true }).fill(chosen);
    await own.getByRole('button', { name: '设置密码并继续' }).click();
    await own.getByText('欢迎，').waitFor();
    await context.close();

    assert.equal((await login(clerk.loginName, password)).status, 401);
    assert.equal((await (await login(clerk.loginName, chosen)).json()).mustChangePassword, false);
    assert.equal((await setup.union.get(`/api/v1/access/users/${clerk.id}`)).mustChangePassword, false);
    assert.deepEqual(problems, []);
  });

  it('disables an account, which ends its session and keeps it from signing in, and enables it again', async () => {
    const { page, setup, problems } = app;
    const { leaver } = people;
    assert.equal(await sessionAlive(leaver), true);
    await rowOf(page, leaver.loginName).getByRole('button', { name: buttonName('停用') }).click();
    await confirmDialog(page);
    await rowOf(page, leaver.loginName).getByText(/^停\s?用$/).first().waitFor();
    await rowOf(page, leaver.loginName).getByRole('button', { name: buttonName('启用') }).waitFor();
    assert.equal(await sessionAlive(leaver), false);
    assert.equal((await login(leaver.loginName, leaver.password)).status, 401);
    const audit = await setup.union.get(`/api/v1/access/audit?operation=UpdateUser&entityId=${leaver.id}`);
    assert.deepEqual(audit.items.map((e) => e.changes.status), [{ before: 'active', after: 'disabled' }]);

    await page.getByLabel('状态', { exact: true }).click();
    await chooseOption(page, '停用');
    await rowOf(page, setup.union.loginName).waitFor({ state: 'detached' });
    await page.screenshot({ path: join(screenshots, 'users-disabled.png') });
    await rowOf(page, leaver.loginName).getByRole('button', { name: buttonName('启用') }).click();
    await confirmDialog(page);
    await rowOf(page, leaver.loginName).waitFor({ state: 'detached' });
    assert.equal((await login(leaver.loginName, leaver.password)).status, 200);
    assert.equal(await sessionAlive(await Caller.signIn(app.host.url, leaver.loginName, leaver.password)), true);
    assert.deepEqual(problems, []);
  });
});
