import { describe, expect, it } from 'vitest';
import { translate } from './i18n/messages';
import { messageAreas, messages } from './messages';

describe('the app’s strings', () => {
  it('name the same keys in Chinese and English, area by area', () => {
    expect(messageAreas.length).toBeGreaterThan(7);
    for (const area of messageAreas) {
      expect(Object.keys(area.en).sort()).toEqual(Object.keys(area['zh-CN']).sort());
    }
  });

  it('belong to one area each', () => {
    const keys = messageAreas.flatMap((area) => Object.keys(area['zh-CN']));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(Object.keys(messages['zh-CN']).length).toBe(keys.length);
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
  });

  it('hold the shell’s and every area’s strings', () => {
    expect(translate(messages, 'zh-CN', 'home.welcome', { name: '王芳' })).toBe('欢迎，王芳');
    expect(translate(messages, 'en', 'org.menu')).toBe('Organisations');
    expect(translate(messages, 'en', 'webhook.menu')).toBe('Webhooks');
    expect(translate(messages, 'zh-CN', 'user.menu')).toBe('用户与授权');
    expect(translate(messages, 'zh-CN', 'congress.menu')).toBe('职代会');
    expect(translate(messages, 'en', 'repView.menu')).toBe('Representative view (phone)');
  });
});
