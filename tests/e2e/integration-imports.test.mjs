// The import screen against the real API: a CSV of workers uploaded, its progress followed to the end, its summary,
// and the rejected rows downloaded.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, screenshots, suitePatience } from './lib/browser.mjs';
import { nextNumber, residentId, unique } from './lib/enterprise.mjs';
import { resultsDir } from './lib/host.mjs';

describe('Importing workers', { timeout: suitePatience }, () => {
  const app = appAsUnion();

  it('uploads a CSV, shows its progress until it ends, its summary, and the rejected rows to download', async () => {
    const { page, setup, problems } = app;
    const rows = Array.from({ length: 30 }, (_, i) => `${unique('吴')},D${nextNumber()},${i === 7 ? '110101199001011234' : residentId()},${setup.enterprise.id}`);
    const file = join(resultsDir, '职工导入.csv');
    await writeFile(file, `\uFEFF姓名,工号,身份证号,部门\n${rows.join('\n')}\n`);

    await page.getByRole('menuitem', { name: '数据集成' }).click();
    await page.getByRole('menuitem', { name: '批量导入' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('progressbar').waitFor();
    await page.getByText('导入结果').waitFor();
    const summary = await page.locator('.ant-descriptions').innerText();
    assert.match(summary, /读取行数\s+30/);
    assert.match(summary, /有误行数\s+1/);
    assert.match(summary, /新增\s+29/);
    await page.screenshot({ path: join(screenshots, 'import-finished.png') });

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载有误的行' }).click();
    const rejected = await readFile(await (await downloading).path(), 'utf8');
    // The eighth row (line 9 of the file), its resident ID masked as everywhere, and why.
    assert.match(rejected, /^\uFEFF?行号,姓名/);
    assert.match(rejected, /\n9,[^\n]*110\*+1234[^\n]*身份证号：/);
    assert.doesNotMatch(rejected, /110101199001011234/);
    const stored = await setup.union.get('/api/v1/directory/workers?total=true&limit=1');
    assert.equal(stored.total, 29);
    assert.deepEqual(problems, []);
  });
});
