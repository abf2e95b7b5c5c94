// The app on a tablet (iPad portrait, 820 × 1180): the menu folds away behind its trigger and the lists still fit.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, screenshots, suitePatience } from './lib/browser.mjs';

describe('On a tablet', { timeout: suitePatience }, () => {
  const app = appAsUnion({ viewport: { width: 820, height: 1180 } });

  it('folds the menu behind a trigger and shows the (empty) worker register without the page scrolling sideways', async () => {
    const { page, problems } = app;
    assert.equal(await page.getByRole('menuitem', { name: '首页' }).isVisible(), false);
    await page.locator('.ant-layout-sider-zero-width-trigger').click();
    // The menu slides in; a click while it moves can miss.
    await page.waitForFunction(() => document.querySelector('.ant-layout-sider')?.getBoundingClientRect().width === 220);
    await page.getByRole('menuitem', { name: '组织与职工' }).click();
    await page.getByRole('menuitem', { name: '职工名册' }).click();
    await page.getByText('没有符合条件的职工').waitFor();
    await page.locator('.ant-layout-sider-zero-width-trigger').click();
    await page.waitForFunction(() => document.querySelector('.ant-layout-sider')?.getBoundingClientRect().width === 0);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    await page.screenshot({ path: join(screenshots, 'tablet-workers.png') });
    assert.deepEqual(problems, []);
  });
});
