import { defineMessages } from '../i18n/define';

export const awardsMessages = defineMessages({
  'zh-CN': {
    'awards.menu': '优秀提案评选',
  },
  en: {
    'awards.menu': 'Proposal awards',
  },
});
