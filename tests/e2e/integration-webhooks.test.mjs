// The webhooks screen against the real API: a subscription to a receiver on loopback that fails at first, its
// secret shown once, its delivery log, and a redelivery once the receiver works.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, screenshots, suitePatience } from './lib/browser.mjs';
import { nextNumber, residentId, unique } from './lib/enterprise.mjs';

describe('Webhooks', { timeout: suitePatience }, () => {
  // The receiver listens on loopback, which webhooks may reach only when allowed.
  const app = appAsUnion({ hostSettings: ['--Integration:Webhooks:AllowPrivateNetworks=true'] });

  it('subscribes, shows the secret once, lists failed deliveries and redelivers one', async () => {
    const { page, setup, problems } = app;
    let accepting = false;
    const received = [];
    const receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received.push(request.headers['x-workforce-event'] ?? request.url);
        response.writeHead(accepting ? 204 : 503).end();
      });
    });
    await new Promise((ready) => receiver.listen(0, '127.0.0.1', ready));
    const url = `http://127.0.0.1:${receiver.address().port}/hooks`;
    try {
      await page.getByRole('menuitem', { name: '数据集成' }).click();
      await page.getByRole('menuitem', { name: 'Webhook' }).click();
      await page.getByRole('button', { name: '新建订阅' }).click();
      await page.getByRole('dialog').getByLabel('接收地址').fill(url);
      await page.getByRole('dialog').getByLabel('接收地址').press('Enter');
      assert.match(await page.getByTestId('issued-secret').innerText(), /\S{16,}/);
      await page.getByRole('button', { name: '我已保存' }).click();
      await page.getByRole('cell', { name: url }).click();

      await setup.union.create('/api/v1/directory/workers', {
        name: unique('郑'), employeeNumber: `W${nextNumber()}`, residentId: residentId(), unitId: setup.enterprise.id, unionMember: false, partyMember: false,
      });
      // The receiver answers 503: the delivery waits to be retried, its last result shown.
      await page.locator('.ant-tag').filter({ hasText: '等待重试' }).first().waitFor();
      await page.getByRole('cell', { name: '503' }).first().waitFor();
      await page.screenshot({ path: join(screenshots, 'webhook-deliveries.png') });
      accepting = true;
      await page.getByRole('button', { name: '立即重试' }).first().click();
      await page.locator('.ant-tag').filter({ hasText: '成功' }).first().waitFor();
      assert.ok(received.length >= 2);
      assert.deepEqual(problems, []);
    } finally {
      receiver.close();
    }
  });
});
