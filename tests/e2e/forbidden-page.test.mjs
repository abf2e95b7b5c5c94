// A page the user may not open, against the real API: the API refuses its data (403) and the page gives way to the
// 403 page in the user's language, with the API's reason and the request id to quote, in place of an empty frame.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { appAsUnion, pageAs, screenshots, suitePatience } from './lib/browser.mjs';
import { newUser } from './lib/enterprise.mjs';

describe('A page the user may not open', { timeout: suitePatience }, () => {
  let handler;
  let page;
  // A handler of the enterprise: its proposals inbox, not the union's audit log.
  const app = appAsUnion({ prepare: async ({ union, enterprise }) => { handler = await newUser(app.host.url, union, 'handler', enterprise.id); } });

  before(async () => {
    page = await pageAs(app.browser, handler, { width: 1366, height: 800 }, app.problems);
  });

  /** Opens the audit log and answers the API's refusal of its entries. */
  async function openAuditLog() {
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/access/audit');
    await page.goto(`${app.host.url}/access/audit`);
    const response = await refused;
    assert.equal(response.status(), 403);
    return response.json();
  }

  it('shows the 403 page in Chinese with the API’s reason and the request id, not the page’s empty frame', async () => {
    const problem = await openAuditLog();
    await page.getByText('无权访问此页面').waitFor();
    assert.match(problem.requestId, /\S/);
    assert.equal(await page.getByTestId('forbidden-request-id').innerText(), `请求编号：${problem.requestId}`);
    assert.match(problem.detail, /access\.audit\.read/);
    await page.getByText(problem.detail).waitFor();
    assert.match(problem.detail, /[\u4e00-\u9fff]/, 'the API was asked for Chinese');
    const main = await page.locator('main').innerText();
    assert.match(main, /如需使用，请联系本单位管理员为您授权/);
    assert.doesNotMatch(main, /审计日志|加载失败/);
    await page.screenshot({ path: join(screenshots, 'forbidden-page.png') });
  });

  it('says it in English to a user who reads English, with the API asked for English too', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('You may not open this page').waitFor();
    const problem = await openAuditLog();
    await page.getByText(problem.detail).waitFor();
    assert.match(problem.detail, /^This needs the access\.audit\.read permission/);
    assert.equal(await page.getByTestId('forbidden-request-id').innerText(), `Request id: ${problem.requestId}`);

    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByText('Welcome, ').waitFor();
    assert.equal(await page.getByText('You may not open this page').count(), 0);
    assert.deepEqual(app.problems, []);
  });
});
