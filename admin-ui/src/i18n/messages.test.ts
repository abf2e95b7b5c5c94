import { describe, expect, it } from 'vitest';
import { translate } from './messages';

const strings = {
  'zh-CN': { 'home.welcome': '欢迎，{name}', 'shell.home': '首页' },
  en: { 'home.welcome': 'Welcome, {name}' },
};

describe('translate', () => {
  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(translate(strings, 'zh-CN', 'home.welcome', { name: '王芳' })).toBe('欢迎，王芳');
    expect(translate(strings, 'en', 'home.welcome', { name: 'Wang Fang' })).toBe('Welcome, Wang Fang');
    expect(translate(strings, 'en', 'home.welcome')).toBe('Welcome, {name}');
  });

  it('falls back to Chinese, and to the name itself where there is no string', () => {
    expect(translate(strings, 'en', 'shell.home')).toBe('首页');
    expect(translate(strings, 'en', 'shell.logout')).toBe('shell.logout');
  });
});
