// The import screen against the real API: a CSV of workers uploaded, its progress followed to the end, its summary,
// and the rejected rows downloaded; a file only checked (a dry run) and listed as one.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, buttonName, screenshots, suitePatience } from './lib/browser.mjs';
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
    // The eighth row (line 9 of the file), its resident ID masked as everywhere, and why, in the page's language.
    assert.match(rejected, /^\uFEFF?行号,姓名/);
    assert.match(rejected, /\n9,[^\n]*110\*+1234[^\n]*未导入,身份证号：/);
    assert.doesNotMatch(rejected, /110101199001011234/);
    const stored = await setup.union.get('/api/v1/directory/workers?total=true&limit=1');
    assert.equal(stored.total, 29);
    const listed = page.getByRole('row').filter({ hasText: '职工导入.csv' });
    await listed.filter({ hasText: '已完成' }).waitFor();
    assert.match(await listed.innerText(), /新增 29，更新 0，有误 1/);
    assert.deepEqual(problems, []);
  });

  it('checks a file without importing it and lists the check as one, with its file name, what it would do and its rows to look at', async () => {
    const { page, setup, problems } = app;
    const before = (await setup.union.get('/api/v1/directory/workers?total=true&limit=1')).total;
    // A common HR export: 性别 beside the number, which the register takes the gender from; one row's disagrees.
    const rows = Array.from({ length: 30 }, (_, i) => {
      const id = i === 3 ? '110101199001011234' : residentId();
      const gender = Number(id[16]) % 2 === 1 ? '男' : '女';
      return `${unique('郑')},E${nextNumber()},${id},${setup.enterprise.id},${i === 5 ? (gender === '男' ? '女' : '男') : gender}`;
    });
    const file = join(resultsDir, '职工试导入.csv');
    await writeFile(file, `\uFEFF姓名,工号,身份证号,部门,性别\n${rows.join('\n')}\n`);

    await page.getByRole('checkbox', { name: '只校验，不导入' }).check();
    await page.locator('input[type=file]').setInputFiles(file);
    const card = page.locator('.ant-card').filter({ hasText: '校验：职工试导入.csv' });
    await card.getByText('校验结果').waitFor();
    await card.getByText('这是一次校验：文件已检查，没有写入任何数据。').waitFor();
    await card.getByText('文件中这些列没有导入：性别').waitFor();
    const summary = await card.locator('.ant-descriptions').innerText();
    assert.match(summary, /将新增\s+29/);
    assert.match(summary, /有误行数\s+1/);
    assert.match(summary, /需核对行数\s+1/);
    assert.doesNotMatch(summary, /(^|\s)新增\s/);

    const listed = page.getByRole('row').filter({ hasText: '职工试导入.csv' });
    await listed.filter({ hasText: '已校验（未导入）' }).waitFor();
    assert.match(await listed.innerText(), /将新增 29，将更新 0，有误 1，需核对 1/);
    await page.screenshot({ path: join(screenshots, 'import-dry-run-listed.png'), fullPage: true });
    const downloading = page.waitForEvent('download');
    await listed.getByRole('button', { name: buttonName('下载') }).click();
    const kept = (await readFile(await (await downloading).path(), 'utf8')).split('\r\n');
    // The header, the rejected row (line 5 of the file) and the one whose 性别 disagrees (line 7), which could be imported.
    assert.equal(kept.filter((line) => line).length, 3);
    assert.match(kept[1], /^5,[^\n]*110\*+1234[^\n]*,未导入,身份证号：/);
    assert.match(kept[2], /^7,[^\n]*,可以导入,,性别：文件中为/);
    assert.equal((await setup.union.get('/api/v1/directory/workers?total=true&limit=1')).total, before);
    assert.deepEqual(problems, []);
  });
});
