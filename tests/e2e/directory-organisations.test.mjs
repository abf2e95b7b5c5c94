// The organisation tree screen against the real API: a union administrator builds and changes its enterprise's units.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, discardChanges, screenshots, submitDialog, suitePatience } from './lib/browser.mjs';
import { unique } from './lib/enterprise.mjs';

describe('The organisation tree', { timeout: suitePatience }, () => {
  const app = appAsUnion();
  const dialog = () => app.page.getByRole('dialog');

  it('creates units under the enterprise, and shows a name taken twice on the name field', async () => {
    const { page, setup } = app;
    await page.getByRole('menuitem', { name: '组织与职工' }).click();
    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await page.getByRole('tree').getByText(setup.enterpriseName).waitFor();

    const workshop = unique('总装车间');
    await page.getByRole('button', { name: '新建下级' }).click();
    await dialog().getByLabel('名称').fill(workshop);
    assert.equal((await submitDialog(page, '名称', '/api/v1/directory/organisations')).status(), 201);
    await page.getByRole('tree').getByText(workshop).waitFor();
    assert.equal((await setup.union.get(`/api/v1/directory/organisations?parentId=${setup.enterprise.id}`)).items.map((o) => o.name).join(), workshop);

    await page.getByRole('tree').getByText(setup.enterpriseName).click();
    await page.getByRole('button', { name: '新建下级' }).click();
    await dialog().getByLabel('名称').fill(workshop);
    assert.equal((await submitDialog(page, '名称', '/api/v1/directory/organisations')).status(), 409);
    // The API's own words, on the field they concern.
    await dialog().getByText('同一上级下已有此名称。').waitFor()
      .catch(async (error) => { await page.screenshot({ path: join(screenshots, 'organisations-name-taken-failed.png') }); throw error; });
    const nameField = dialog().locator('.ant-form-item').filter({ hasText: '同一上级下已有此名称' });
    assert.match(await nameField.innerText(), /名称/);
    await page.screenshot({ path: join(screenshots, 'organisations-name-taken.png') });
    await discardChanges(page, dialog());
  });

  it('renames a unit, and deactivates it', async () => {
    const { page, setup, problems } = app;
    const team = unique('焊装班');
    const workshop = (await setup.union.get(`/api/v1/directory/organisations?parentId=${setup.enterprise.id}`)).items[0];
    const teamId = (await setup.union.create('/api/v1/directory/organisations', { parentId: workshop.id, kind: 'team', name: team })).id;
    await page.reload();
    await page.getByRole('tree').getByText(workshop.name).click();
    await page.locator('.ant-tree-switcher').nth(1).click();
    await page.getByRole('tree').getByText(team).click();

    const renamed = unique('焊装一班');
    await page.getByRole('button', { name: /修\s?改/ }).click();
    await dialog().getByLabel('名称').fill(renamed);
    assert.equal((await submitDialog(page, '名称', `/api/v1/directory/organisations/${teamId}`, 'PUT')).status(), 200);
    await page.getByRole('tree').getByText(renamed).waitFor();

    await page.getByRole('button', { name: /停\s?用/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
    await page.locator('.ant-descriptions').getByText('已停用').waitFor();
    const stored = await setup.union.get(`/api/v1/directory/organisations?parentId=${workshop.id}`);
    assert.deepEqual(stored.items.map((o) => [o.name, o.status]), [[renamed, 'inactive']]);
    await page.screenshot({ path: join(screenshots, 'organisations.png') });
    assert.deepEqual(problems, []);
  });
});
