// The users screen against the real API: an account made for a department's handler, granted a second role and
// the grant taken back, each step as the API then holds it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, chooseOption, screenshots, suitePatience } from './lib/browser.mjs';
import { unique } from './lib/enterprise.mjs';

describe('Users and grants', { timeout: suitePatience }, () => {
  const app = appAsUnion({
    prepare: ({ union, enterprise }) => union.create('/api/v1/directory/organisations', { parentId: enterprise.id, kind: 'unit', name: '安全环保部' }),
  });

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
    assert.deepEqual(problems, []);
  });
});
