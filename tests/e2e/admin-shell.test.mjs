// The admin web app's shell against the real API: sign-in, the menu and header, the language switch, sign-out; and
// the checked-in API client against the running API's OpenAPI document.
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshots, signInButton, suitePatience } from './lib/browser.mjs';
import { adminPassword, repoRoot, startHost } from './lib/host.mjs';

describe('The admin web app', { timeout: suitePatience }, () => {
  let host;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    host = await startHost();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })).newPage();
    page.on('pageerror', (error) => problems.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('is generated from the API it talks to: src/api/schema.d.ts matches the running API\'s document', async () => {
    const { schemaTypes } = await import(pathToFileURL(join(repoRoot, 'admin-ui/scripts/schema-types.mjs')).href);
    const expected = await schemaTypes(new URL(`${host.url}/openapi/v1.json`));
    const checkedIn = await readFile(join(repoRoot, 'admin-ui/src/api/schema.d.ts'), 'utf8');
    assert.ok(checkedIn === expected,
      'admin-ui/src/api/schema.d.ts is stale: run `npm run generate-api -- <the API>/openapi/v1.json` in admin-ui and check it in.');
  });

  it('refuses a wrong password on the page, signs in, and shows the shell in Chinese', async () => {
    await page.goto(host.url);
    await page.getByLabel('登录名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await signInButton(page).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /登录失败/);
    await page.screenshot({ path: join(screenshots, 'login.png') });

    await page.getByLabel('密码').fill(adminPassword);
    await signInButton(page).click();
    await page.getByText('欢迎，').waitFor();
    assert.match(await page.locator('main').innerText(), /您正在以 产改平台 的身份工作/);
    assert.ok(await page.getByRole('menuitem', { name: '首页' }).isVisible());
    await page.screenshot({ path: join(screenshots, 'home.png') });
  });

  it('has its icon in the browser tab', async () => {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const icon = await page.request.get(new URL(href, host.url).href);
    assert.equal(icon.status(), 200);
    assert.match(icon.headers()['content-type'], /^image\/svg\+xml/);
    assert.match(await icon.text(), /<svg[\s>]/);
  });

  it('names each page in the browser tab, in the language shown', async () => {
    await page.waitForFunction(() => document.title === '首页 - 产改工作平台');
    await page.getByRole('menuitem', { name: '组织与职工' }).click();
    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await page.waitForFunction(() => document.title === '组织架构 - 产改工作平台');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.title === 'Organisations - Workforce');
    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.title === '组织架构 - 产改工作平台');
  });

  it('keeps the session on reload and on a deep link, switches language, and signs out', async () => {
    await page.goto(`${host.url}/no-such-screen`);
    await page.getByText('没有这个页面').waitFor();
    await page.goto(host.url);
    await page.getByText('欢迎，').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Welcome, ').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('欢迎，').waitFor();

    await page.getByRole('button', { name: /admin|平台管理员/ }).hover();
    await page.getByText('退出登录').click();
    await page.getByLabel('登录名').waitFor();
    await page.reload();
    await page.getByLabel('登录名').waitFor();
    assert.deepEqual(problems, []);
  });
});
