// The app on a tablet (iPad portrait, 820 × 1180): the menu folds into a drawer behind the header's menu button and the lists still fit.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appAsUnion, openFromMenuDrawer, screenshots, suitePatience } from './lib/browser.mjs';

describe('On a tablet', { timeout: suitePatience }, () => {
  const app = appAsUnion({ viewport: { width: 820, height: 1180 } });

  it('folds the menu into a drawer and shows the (empty) worker register without the page scrolling sideways', async () => {
    const { page, problems } = app;
    assert.equal(await page.getByRole('menuitem', { name: '首页' }).isVisible(), false);
    await openFromMenuDrawer(page, '组织与职工', '职工名册');
    await page.getByText('没有符合条件的职工').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    await page.screenshot({ path: join(screenshots, 'tablet-workers.png') });
    assert.deepEqual(problems, []);
  });
});
