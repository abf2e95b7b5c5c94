import { defineMessages } from '../i18n/define';

export const repMessages = defineMessages({
  'zh-CN': {
    'repView.sessions': '会议',
    'repView.proposals': '我的提案',
    'repView.receipt': '核验回执',
    'repView.menu': '代表之家（手机版）',
    'repView.title': '代表之家',
  },
  en: {
    'repView.sessions': 'Sessions',
    'repView.proposals': 'My proposals',
    'repView.receipt': 'Check a receipt',
    'repView.menu': 'Representative view (phone)',
    'repView.title': 'Representative',
  },
});
