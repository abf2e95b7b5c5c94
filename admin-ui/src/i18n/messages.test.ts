import { describe, expect, it } from 'vitest';
import { messageAreas, messages, translate } from './messages';

describe('messages', () => {
  it('name the same keys in Chinese and English', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
  });

  it('belong to one area each', () => {
    const keys = messageAreas.flatMap((area) => Object.keys(area['zh-CN']));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('fill placeholders and leave unknown ones as they are', () => {
    expect(translate('zh-CN', 'home.welcome', { name: '王芳' })).toBe('欢迎，王芳');
    expect(translate('en', 'home.welcome', { name: 'Wang Fang' })).toBe('Welcome, Wang Fang');
    expect(translate('en', 'home.welcome')).toBe('Welcome, {name}');
  });
});
