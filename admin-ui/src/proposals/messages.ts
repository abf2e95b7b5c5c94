import { defineMessages } from '../i18n/define';

export const proposalsMessages = defineMessages({
  'zh-CN': {
    'proposals.menu.calls': '提案征集',
    'proposals.menu.list': '提案管理',
    'proposals.menu.inbox': '待办提案',
    'proposals.menu.statistics': '提案统计',
    'proposals.menu': '职工提案',
  },
  en: {
    'proposals.menu.calls': 'Calls',
    'proposals.menu.list': 'All proposals',
    'proposals.menu.inbox': 'My department',
    'proposals.menu.statistics': 'Statistics',
    'proposals.menu': 'Proposals',
  },
});
