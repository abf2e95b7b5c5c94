// The worker register screen against the real API: server-side filters, keyset pages with the total, masked
// sensitive fields, the registration form with the API's field errors on their fields, and a worker retiring.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, chooseOption, chooseTreeNode, screenshots, suitePatience } from './lib/browser.mjs';
import { nextNumber, residentId, unique } from './lib/enterprise.mjs';

describe('The worker register', { timeout: suitePatience }, () => {
  const state = {};
  const app = appAsUnion({
    viewport: { width: 1366, height: 900 },
    prepare: async ({ union, enterprise }) => {
      const workshop = await union.create('/api/v1/directory/organisations', { parentId: enterprise.id, kind: 'unit', name: '总装车间' });
      const team = await union.create('/api/v1/directory/organisations', { parentId: workshop.id, kind: 'team', name: '总装一班' });
      state.term = await union.create('/api/v1/directory/terms', { number: 3, startsOn: '2024-01-01', endsOn: '2028-12-31' });
      for (let i = 0; i < 23; i++) {
        const worker = await union.create('/api/v1/directory/workers', {
          name: `${'张王李赵刘陈杨黄'[i % 8]}${unique('')}`, employeeNumber: `A${String(nextNumber()).padStart(6, '0')}`, residentId: residentId(),
          phone: `139${String(10_000_000 + nextNumber())}`, unitId: i < 5 ? team.id : i < 20 ? workshop.id : enterprise.id, post: '装配工',
          skillGrade: i % 2 === 0 ? 'advanced' : 'technician', unionMember: true, unionJoinedOn: '2015-03-01', partyMember: false, hiredOn: '2010-07-01',
        });
        if (i === 0) {
          state.retiring = worker;
          await union.create(`/api/v1/directory/terms/${state.term.id}/representatives`, { workerId: worker.id, delegationGroup: '第一代表团', appointedOn: '2024-01-01' });
        }
      }
    },
  });

  const rows = () => app.page.locator('.ant-table-tbody tr.ant-table-row');

  it('pages through the register with its total and shows resident IDs and phones masked', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '组织与职工' }).click();
    await page.getByRole('menuitem', { name: '职工名册' }).click();
    await page.getByText('共 23 人').waitFor();
    assert.equal(await rows().count(), 20);
    const firstPage = await rows().first().innerText();
    assert.match(firstPage, /\*{4,}/);
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText('第 2 页').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 3);
    await page.getByRole('button', { name: '上一页' }).click();
    await page.getByText('第 1 页').waitFor();
    await page.screenshot({ path: join(screenshots, 'workers.png') });
  });

  it('filters on the server by department, a team deep in the tree too, and skill grade, and Back restores the filters', async () => {
    const { page } = app;
    await page.getByLabel('部门').click();
    await chooseTreeNode(page, '总装一班');
    await page.getByText('共 5 人').waitFor();
    await page.getByLabel('部门').click();
    await chooseTreeNode(page, '总装车间');
    await page.getByText('共 20 人').waitFor();
    await page.getByLabel('技能等级').click();
    await chooseOption(page, '技师');
    await page.getByText('共 10 人').waitFor();
    await page.keyboard.press('Escape');
    // The filters are in the address: away and Back, the register is filtered as it was.
    assert.match(page.url(), /skillGrade=technician/);
    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await page.waitForURL(/\/directory\/organisations$/);
    await page.goBack();
    await page.getByText('共 10 人').waitFor();
  });

  it('registers a worker, showing a wrong resident ID on its field first', async () => {
    const { page, setup, problems } = app;
    const name = unique('周');
    await page.getByRole('button', { name: '登记职工' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill(name);
    await dialog.getByLabel('工号').fill(`B${nextNumber()}`);
    await dialog.getByLabel('身份证号').fill('320505199001011234');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    const residentIdField = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('身份证号') });
    await residentIdField.locator('.ant-form-item-explain-error').waitFor();
    await page.screenshot({ path: join(screenshots, 'worker-form-resident-id.png') });

    await dialog.getByLabel('身份证号').fill(residentId());
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto(`${app.host.url}/directory/workers`);
    await page.getByText('共 24 人').waitFor();
    await page.getByLabel('姓名或工号').fill(name);
    await page.getByLabel('姓名或工号').press('Enter');
    await page.getByText('共 1 人').waitFor();
    const stored = await setup.union.get(`/api/v1/directory/workers?q=${encodeURIComponent(name)}`);
    assert.equal(stored.items.length, 1);
  });

  it('edits a worker with the sensitive fields hidden, and offers a reload when someone else changed them first', async () => {
    const { page, setup, problems } = app;
    const listed = (await setup.union.get('/api/v1/directory/workers?limit=1')).items[0];
    await page.goto(`${app.host.url}/directory/workers`);
    await page.getByText('共 24 人').waitFor();
    await page.getByRole('cell', { name: listed.name }).click();
    const dialog = page.getByRole('dialog');
    assert.equal(await dialog.getByLabel('身份证号').getAttribute('type'), 'password');

    const response = await setup.union.send('GET', `/api/v1/directory/workers/${listed.id}`);
    // A PUT takes the worker's fields, not the whole record read (its id, unit name, version and times are not fields).
    const { name, employeeNumber, residentId, phone, unitId, skillGrade, unionMember, unionJoinedOn, partyMember, status, hiredOn, externalId } = await response.json();
    await setup.union.expect(200, 'PUT', `/api/v1/directory/workers/${listed.id}`,
      { name, employeeNumber, residentId, phone, unitId, post: '班组长', skillGrade, unionMember, unionJoinedOn, partyMember, status, hiredOn, externalId },
      { 'If-Match': response.headers.get('etag') });
    const unit = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('部门') });
    await unit.getByText(listed.unitName, { exact: true }).waitFor();
    assert.doesNotMatch(await unit.innerText(), /[0-9a-f]{8}-[0-9a-f]{4}/);
    await dialog.getByLabel('岗位').fill('质检员');
    await dialog.getByLabel('岗位').press('Enter');
    await dialog.getByText('此记录已被他人修改').waitFor();
    await page.screenshot({ path: join(screenshots, 'worker-changed-elsewhere.png') });
    await dialog.getByRole('button', { name: /重新加载/ }).click();
    await page.getByRole('cell', { name: listed.name }).click();
    assert.equal(await page.getByRole('dialog').getByLabel('岗位').inputValue(), '班组长');
    assert.deepEqual(problems, []);
  });

  it('records that a worker retired, which ends their appointment as a representative', async () => {
    const { page, setup, problems } = app;
    const { retiring } = state;
    await page.goto(`${app.host.url}/directory/workers`);
    await page.getByLabel('姓名或工号').fill(retiring.name);
    await page.getByLabel('姓名或工号').press('Enter');
    await page.getByText('共 1 人').waitFor();
    await page.locator('tr').filter({ hasText: retiring.name }).getByRole('button', { name: '离职/退休' }).click();
    const dialog = page.getByRole('dialog', { name: `办理离职或退休：${retiring.name}` });
    await dialog.getByText('其在任的职工代表资格将于同日终止').waitFor();
    await dialog.getByLabel('退休').check();
    const leftOn = await dialog.getByLabel('离岗日期').inputValue();
    await page.screenshot({ path: join(screenshots, 'worker-retires.png') });
    const answered = page.waitForResponse((r) => r.url().endsWith(`/workers/${retiring.id}/deactivate`));
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    assert.equal((await answered).status(), 200);
    const row = page.locator('tr').filter({ hasText: retiring.name });
    await row.getByText('退休', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: '离职/退休' }).count(), 0);

    const stored = await setup.union.get(`/api/v1/directory/workers/${retiring.id}`);
    assert.equal(stored.status, 'retired');
    assert.equal(stored.leftOn, leftOn);
    const serving = await setup.union.get(`/api/v1/directory/terms/${state.term.id}/representatives?active=true`);
    assert.deepEqual(serving.items.map((r) => r.workerId), []);
    assert.deepEqual(problems, []);
  });
});
