// The API clients screen against the real API: a client made with the scopes chosen for it (none at first, each
// offered by what it lets the client do) and its key shown once, which then works; rotation shows a new key and
// retires the old; revocation ends it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, screenshots, suitePatience } from './lib/browser.mjs';
import { unique } from './lib/enterprise.mjs';

describe('API clients', { timeout: suitePatience }, () => {
  const app = appAsUnion({ clipboard: true });
  let firstKey;

  const meWith = (key) => fetch(`${app.host.url}/api/v1/access/me`, { headers: { authorization: `Bearer ${key}` } });

  it('starts a new client with no scope and offers each by what it lets the client do', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '账号与权限' }).click();
    await page.getByRole('menuitem', { name: 'API 客户端' }).click();
    await page.getByRole('button', { name: '新建客户端' }).click();
    const dialog = page.getByRole('dialog');
    const scopes = dialog.getByLabel('权限范围');
    await scopes.waitFor();
    assert.equal(await dialog.locator('.ant-select-selection-item').count(), 0);

    await dialog.getByLabel('名称').fill(unique('人力资源系统'));
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.locator('.ant-form-item').filter({ hasText: '权限范围' }).getByText('请填写此项').waitFor();

    await scopes.click();
    await scopes.fill('职工档案');
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '查看职工档案' });
    assert.match(await option.innerText(), /^查看职工档案\s*directory\.workers\.read$/);
  });

  it('issues a client with the scope chosen and shows its key once, with a copy button; the key works', async () => {
    const { page } = app;
    const name = unique('人力资源系统');
    const dialog = page.getByRole('dialog');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^查看职工档案\s*directory\.workers\.read$/ }).click();
    const chosen = dialog.locator('.ant-select-selection-item');
    await chosen.filter({ hasText: '查看职工档案' }).waitFor();
    assert.equal(await chosen.count(), 1);
    await dialog.getByLabel('名称').fill(name);
    await dialog.getByLabel('名称').press('Enter');
    const key = await page.getByTestId('issued-secret').innerText();
    assert.match(key, /^wf_/);
    await page.getByRole('dialog').getByLabel('复制').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
    await page.screenshot({ path: join(screenshots, 'api-client-key.png') });
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByTestId('issued-secret').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name }).waitFor();
    assert.equal((await page.locator('body').innerText()).includes(key), false);
    assert.equal((await meWith(key)).status, 200);
    assert.deepEqual((await (await meWith(key)).json()).permissions, ['directory.workers.read']);
    firstKey = key;
  });

  it('rotates the key, which retires the old one, and revokes the client', async () => {
    const { page, problems } = app;
    const row = page.locator('tr').filter({ has: page.getByRole('button', { name: '更换密钥' }) }).first();
    await row.getByRole('button', { name: '更换密钥' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
    const rotated = await page.getByTestId('issued-secret').innerText();
    assert.notEqual(rotated, firstKey);
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByTestId('issued-secret').waitFor({ state: 'detached' });
    assert.equal((await meWith(rotated)).status, 200);
    assert.equal((await meWith(firstKey)).status, 401);

    await row.getByRole('button', { name: /吊\s?销/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
    await page.getByText('已吊销').waitFor();
    assert.equal((await meWith(rotated)).status, 401);
    await page.screenshot({ path: join(screenshots, 'api-clients.png') });
    assert.deepEqual(problems, []);
  });
});
