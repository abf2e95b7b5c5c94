// The machine's Chromium, driven headless by playwright-core, and the admin web app's sign-in page.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { resultsDir } from './host.mjs';

export const screenshots = join(resultsDir, 'screenshots');

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Antd puts a space between the two characters of a two-character button label. */
export const signInButton = (page) => page.getByRole('button', { name: /^登\s?录$/ });

/** Opens the app and signs in on its page as a person would. */
export async function signInOnPage(page, baseUrl, loginName, password) {
  await page.goto(baseUrl);
  await page.getByLabel('登录名').fill(loginName);
  await page.getByLabel('密码').fill(password);
  await signInButton(page).click();
  await page.getByText('欢迎，').waitFor();
}

/** Picks an option of the open Ant Design select by its text (its ARIA options are hidden stand-ins). */
export const chooseOption = (page, text) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) }).click();
