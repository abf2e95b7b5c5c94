import { defineMessages } from '../i18n/define';

export const congressMessages = defineMessages({
  'zh-CN': {
    'congress.menu.sessions': '会议',
    'congress.menu': '职代会',
  },
  en: {
    'congress.menu.sessions': 'Sessions',
    'congress.menu': 'Congress',
  },
});
