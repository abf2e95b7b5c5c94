import { defineMessages } from '../i18n/define';

export const dashboardMessages = defineMessages({
  'zh-CN': {
    'dashboard.menu': '工作概览',
  },
  en: {
    'dashboard.menu': 'Dashboard',
  },
});
