// The representatives screen against the real API: a worker appointed to the term found by search, an appointment
// ended with its reason, the serving ones listed, and a new congress term opened.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, chooseSearchResult, screenshots, submitDialog, suitePatience } from './lib/browser.mjs';
import { nextNumber, residentId, unique } from './lib/enterprise.mjs';

describe('Representatives', { timeout: suitePatience }, () => {
  const people = [unique('何'), unique('罗'), unique('高')];
  const state = {};
  const app = appAsUnion({
    prepare: async ({ union, enterprise }) => {
      state.term = await union.create('/api/v1/directory/terms', { number: 4, startsOn: '2025-01-01', endsOn: '2029-12-31' });
      state.workers = [];
      for (const name of people) {
        state.workers.push(await union.create('/api/v1/directory/workers', {
          name, employeeNumber: `R${nextNumber()}`, residentId: residentId(), unitId: enterprise.id, unionMember: true, partyMember: false,
        }));
      }
      await union.create(`/api/v1/directory/terms/${state.term.id}/representatives`, { workerId: state.workers[0].id, delegationGroup: '第一代表团' });
    },
  });

  it('appoints a worker found by name and ends another appointment with its reason', async () => {
    const { page, setup, problems } = app;
    await page.getByRole('menuitem', { name: '组织与职工' }).click();
    await page.getByRole('menuitem', { name: '职工代表' }).click();
    await page.getByRole('cell', { name: people[0] }).waitFor();

    await page.getByRole('button', { name: '增补代表' }).click();
    const dialog = page.getByRole('dialog');
    // Choose once the search has answered: the options list re-renders when it does.
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/directory/workers?') && r.url().includes('q='));
    await dialog.getByRole('combobox', { name: '职工' }).fill(people[1]);
    await searched;
    await chooseSearchResult(page, `${people[1]}（.*）`);
    await dialog.getByLabel('代表团').fill('第二代表团');
    await dialog.getByLabel('职工董事').check();
    assert.equal((await submitDialog(page, '代表团', '/representatives')).status(), 201);
    await page.getByRole('cell', { name: people[1] }).waitFor();
    await page.getByText('共 2 名代表').waitFor();

    await page.locator('tr').filter({ hasText: people[0] }).getByRole('button', { name: '终止资格' }).click();
    await page.getByRole('dialog').getByLabel('原因').fill('调离本企业');
    await page.getByRole('dialog').getByLabel('原因').press('Enter');
    await page.getByText('共 1 名代表').waitFor();
    await page.screenshot({ path: join(screenshots, 'representatives.png') });

    const all = await setup.union.get(`/api/v1/directory/terms/${state.term.id}/representatives`);
    const byName = Object.fromEntries(all.items.map((r) => [r.workerName, r]));
    assert.equal(byName[people[0]].endReason, '调离本企业');
    assert.equal(byName[people[1]].isWorkerDirector, true);
    assert.equal(byName[people[1]].delegationGroup, '第二代表团');
    assert.deepEqual(problems, []);
  });

  it('opens the next congress term, a number already used shown on its field first', async () => {
    const { page, setup, problems } = app;
    await page.getByRole('button', { name: '新建届次' }).click();
    const dialog = page.getByRole('dialog', { name: '新建届次' });
    const number = dialog.getByLabel('届次（第几届）');
    assert.equal(await number.inputValue(), '5');
    await number.fill('4');
    assert.equal((await submitDialog(page, '届次（第几届）', '/directory/terms')).status(), 409);
    const numberField = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('届次（第几届）') });
    await numberField.locator('.ant-form-item-explain-error').waitFor();

    await number.fill('5');
    assert.equal((await submitDialog(page, '届次（第几届）', '/directory/terms')).status(), 201);
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: '届次' }).locator('..').getByText('第五届职工代表大会').waitFor();
    await page.getByText('本届还没有代表').waitFor();
    await page.screenshot({ path: join(screenshots, 'term-opened.png') });

    const terms = await setup.union.get('/api/v1/directory/terms');
    const opened = terms.items.find((term) => term.number === 5);
    assert.equal(opened.name, '第五届职工代表大会');
    assert.equal(terms.items.length, 2);
    assert.deepEqual(problems, []);
  });
});
