// The audit log screen against the real API: a union's changes, filtered on the server, in words people read (the
// module, record type, action and fields worded with their codes beside them, local times, names rather than ids),
// each opening to its changes with the protected fields redacted.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, chooseOption, screenshots, suitePatience } from './lib/browser.mjs';
import { nextNumber, residentId, unique } from './lib/enterprise.mjs';

describe('The audit log', { timeout: suitePatience }, () => {
  const worker = { name: unique('孙') };
  const app = appAsUnion({
    prepare: async ({ union, enterprise }) => {
      const unit = await union.create('/api/v1/directory/organisations', { parentId: enterprise.id, kind: 'unit', name: '质检部' });
      worker.id = (await union.create('/api/v1/directory/workers', {
        name: worker.name, employeeNumber: `C${nextNumber()}`, residentId: residentId(), phone: `139${String(10_000_000 + nextNumber())}`,
        unitId: unit.id, post: '质检员', skillGrade: 'advanced', unionMember: true, unionJoinedOn: '2015-03-01', partyMember: false, hiredOn: '2010-07-01',
      })).id;
    },
  });

  it('lists the changes in words, filters them by module and record, and opens one with the resident ID redacted', async () => {
    const { page, setup, problems } = app;
    await page.getByRole('menuitem', { name: '账号与权限' }).click();
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByText(/共 \d+ 条/).waitFor();

    await page.getByLabel('模块').click();
    await chooseOption(page, '组织与职工');
    await page.getByLabel('对象编号').fill(worker.id);
    await page.getByLabel('对象编号').press('Enter');
    await page.getByText('共 1 条').waitFor();
    const row = page.locator('.ant-table-row').first();
    const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
    const [time, actor, module, record, operation] = cells.slice(-5);
    assert.match(time, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.equal(actor, setup.union.displayName);
    assert.match(module, /^组织与职工\s*directory$/);
    assert.match(record, new RegExp(`^职工\\s*workers\\s+${worker.name}\\s+${worker.id}$`));
    assert.match(operation, /^新增\s*RegisterWorker$/);

    await row.locator('.ant-table-row-expand-icon').click();
    const changes = await page.locator('.ant-table-expanded-row').first().innerText();
    assert.match(changes, /字段\s+修改前\s+修改后/);
    assert.match(changes, new RegExp(`名称\\s*name\\s+—\\s+${worker.name}`));
    assert.match(changes, /身份证号\s*resident_id_cipher\s+—\s+\[redacted\]/);
    assert.doesNotMatch(changes, /\d{17}[\dX]/);
    await page.screenshot({ path: join(screenshots, 'audit-log.png') });
    assert.deepEqual(problems, []);
  });
});
