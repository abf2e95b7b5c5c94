// Reading the screens: every text, the grey hints and empty states included, stands out from its background by WCAG
// AA's 4.5:1. (Every chart's text alternative is held by dashboard.test.mjs.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appAsUnion, suitePatience } from './lib/browser.mjs';
import { lowContrastTexts } from './lib/contrast.mjs';

describe('The screens, read', { timeout: suitePatience }, () => {
  const app = appAsUnion();

  const screens = [
    ['home', '/', (page) => page.getByText('欢迎，').waitFor()],
    ['an empty worker register', '/directory/workers', (page) => page.getByText('没有符合条件的职工').waitFor()],
    ['the proposals', '/proposals', (page) => page.locator('.ant-table').waitFor()],
    ['the imports', '/integration/imports', (page) => page.locator('.ant-upload').first().waitFor()],
    ['the dashboard', '/dashboard', (page) => page.locator('.ant-card').first().waitFor()],
  ];

  for (const [name, path, shown] of screens) {
    it(`shows ${name} with every text at 4.5:1 or more`, async () => {
      const { page, host } = app;
      await page.goto(`${host.url}${path}`);
      await shown(page);
      await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'));
      assert.deepEqual(await lowContrastTexts(page), []);
    });
  }
});
