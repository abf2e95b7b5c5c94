import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/client';
import { translate } from '../i18n/messages';
import { inWords } from './problemText';

/** The words of one problem code, as an area would have them. */
const words = {
  'zh-CN': { 'problem.conflict_of_interest': '您来自{enterprise}，该提案由您所在企业推荐，按回避规定不能由您评分，将由其他评审人评分。' },
  en: {},
};
const t = (key: Parameters<typeof translate>[2], values?: Record<string, string | number>) => translate(words, 'zh-CN', key, values);

describe('problems in words', () => {
  it('words a refused score of a reviewer’s own enterprise with that enterprise', () => {
    const refused = new ProblemError(403, { status: 403, code: 'conflict_of_interest', title: 'You may not score your own enterprise\'s nomination.' });
    const worded = inWords(refused, t, { enterprise: '浙江精工机械有限公司' }) as ProblemError;
    expect(worded).toBeInstanceOf(ProblemError);
    expect(worded.status).toBe(403);
    expect(worded.message).toBe('您来自浙江精工机械有限公司，该提案由您所在企业推荐，按回避规定不能由您评分，将由其他评审人评分。');
    expect(inWords(worded, t)).toBe(worded);
  });

  it('leaves field errors and unknown problems as they came', () => {
    const invalid = new ProblemError(422, { status: 422, code: 'validation_failed', errors: { criteria: ['The criteria\'s weights add up to 100.'] } });
    const network = new Error('offline');
    expect(inWords(invalid, t)).toBe(invalid);
    expect(inWords(network, t)).toBe(network);
  });
});
