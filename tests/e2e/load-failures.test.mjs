// Every list in the app on a new enterprise: what it says when there is nothing yet, and when the API cannot answer
// (here a 503 problem document in place of the real answer) an alert with the reason and a retry that recovers; an
// answer that is no problem document (a proxy's text, an empty 502) is said in the app's own words.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, screenshots, suitePatience } from './lib/browser.mjs';

// `empty`: what the screen says of a new enterprise's empty list (and must not say while it cannot tell);
// `loaded`: what it shows of one that is not empty.
const screens = [
  { route: 'directory/organisations', api: '/api/v1/directory/organisations', loaded: (page, setup) => page.locator('.ant-tree').getByText(setup.enterprise.name) },
  { route: 'directory/workers', api: '/api/v1/directory/workers', empty: '没有符合条件的职工' },
  { route: 'directory/representatives', api: '/api/v1/directory/terms', empty: '还没有职代会届次。' },
  { route: 'access/users', api: '/api/v1/access/users', loaded: (page) => page.getByText(/共 \d+ 个用户/) },
  { route: 'access/clients', api: '/api/v1/access/clients', empty: '还没有 API 客户端' },
  { route: 'access/audit', api: '/api/v1/access/audit', loaded: (page) => page.getByText(/共 \d+ 条/) },
  { route: 'integration/imports', api: '/api/v1/directory/imports', empty: '还没有导入记录' },
  { route: 'integration/webhooks', api: '/api/v1/integration/webhooks', empty: '还没有订阅' },
];

describe('Lists that cannot load, and lists with nothing in them', { timeout: suitePatience }, () => {
  const app = appAsUnion();

  for (const screen of screens) {
    it(`/${screen.route}: an alert with the reason and a retry, then its content`, async () => {
      const { page, host, setup, problems } = app;
      const failing = (url) => url.pathname.startsWith(screen.api);
      await page.route(failing, (route) => route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: '数据库维护中' }),
      }));
      await page.goto(`${host.url}/${screen.route}`);
      const alert = page.getByRole('alert').filter({ hasText: '加载失败：数据库维护中' }).first();
      await alert.waitFor();
      if (screen.empty) {
        assert.equal(await page.getByText(screen.empty).count(), 0);
      }
      await page.screenshot({ path: join(screenshots, `load-failed-${screen.route.replace('/', '-')}.png`) });

      await page.unroute(failing);
      await alert.getByRole('button', { name: /重\s?试/ }).click();
      await (screen.empty ? page.getByText(screen.empty) : screen.loaded(page, setup)).first().waitFor();
      assert.equal(await page.getByText('加载失败').count(), 0);
      assert.deepEqual(problems, []);
    });
  }

  it('says in its own words what answered with no problem document: a proxy’s text, an empty 502', async () => {
    const { page, host, problems } = app;
    const failing = (url) => url.pathname.startsWith('/api/v1/access/clients');
    await page.route(failing, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
    await page.goto(`${host.url}/access/clients`);
    await page.getByRole('alert').filter({ hasText: '加载失败：服务器出错（500），请稍后重试。' }).waitFor();
    assert.equal(await page.getByText('Internal Server Error').count(), 0);

    await page.unroute(failing);
    await page.route(failing, (route) => route.fulfill({ status: 502, body: '' }));
    await page.getByRole('alert').getByRole('button', { name: /重\s?试/ }).click();
    await page.getByRole('alert').filter({ hasText: '加载失败：服务器暂时无法响应（502），请稍后重试。' }).waitFor();
    await page.unroute(failing);
    assert.deepEqual(problems, []);
  });
});
