import { describe, expect, it } from 'vitest';
import { fileSize } from './fileSize';

describe('file sizes', () => {
  it('read in bytes, kilobytes or megabytes', () => {
    expect(fileSize(980)).toBe('980 B');
    expect(fileSize(12_595)).toBe('12.3 KB');
    expect(fileSize(4_718_592)).toBe('4.5 MB');
  });
});
