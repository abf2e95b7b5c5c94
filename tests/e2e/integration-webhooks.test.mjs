// The webhooks screen against the real API: a subscription to a receiver on loopback that fails at first, its
// secret shown once, its delivery log, and a redelivery once the receiver works; a subscription to the event types
// chosen from those the API lists, by what they are called.
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
      // The delivery says which event it carried, by what the event is called.
      await page.getByRole('cell', { name: /^职工已登记\s*directory\.worker\.registered$/ }).first().waitFor();
      assert.deepEqual(problems, []);
    } finally {
      receiver.close();
    }
  });

  it('offers the event types the API lists, by what they are called, and subscribes to those chosen', async () => {
    const { page, problems, setup } = app;
    const listed = await setup.union.get('/api/v1/integration/event-types');
    assert.ok(listed.items.length > 10);
    const url = `https://hr.example.com/hooks/${Date.now()}`;
    await page.getByRole('button', { name: '新建订阅' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('接收地址').fill(url);
    await dialog.getByLabel('事件类型').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    assert.ok(await options.count() > 5, 'the dropdown offers the listed event types');
    for (const [title, name] of [['提案已提交', 'proposals.proposal.submitted'], ['职工已登记', 'directory.worker.registered']]) {
      await dialog.getByLabel('事件类型').fill(title);
      const option = options.filter({ hasText: name });
      assert.match(await option.innerText(), new RegExp(`^${title}\\s*${name.replaceAll('.', '\\.')}$`));
      await option.click();
      await dialog.locator('.ant-select-selection-item').filter({ hasText: title }).waitFor();
    }
    assert.equal(await dialog.locator('.ant-select-selection-item').count(), 2);
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/integration/webhooks' && r.request().method() === 'POST');
    await dialog.getByLabel('接收地址').press('Enter');
    assert.equal((await created).status(), 201);
    await page.getByRole('button', { name: '我已保存' }).click();

    const row = page.locator('.ant-table-row').filter({ hasText: url });
    await row.waitFor();
    assert.deepEqual(await row.locator('.ant-tag').filter({ hasNotText: '启用' }).allInnerTexts(), ['职工已登记', '提案已提交']);
    const subscriptions = await setup.union.get('/api/v1/integration/webhooks');
    assert.deepEqual(subscriptions.items.find((w) => w.url === url).eventTypes, ['directory.worker.registered', 'proposals.proposal.submitted']);
    await page.screenshot({ path: join(screenshots, 'webhook-event-types.png') });
    assert.deepEqual(problems, []);
  });
});
