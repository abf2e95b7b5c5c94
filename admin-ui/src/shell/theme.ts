import type { ThemeConfig } from 'antd';

/**
 * The app's look, set once for every screen: text and its greys dark enough to read against white at 4.5:1 or more
 * (WCAG AA; Ant Design's own greys and blue fall short of it), and no animation for whoever asked their system for
 * less motion.
 */
export const theme = (reducedMotion: boolean): ThemeConfig => ({
  token: {
    motion: !reducedMotion,
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
  // A list with nothing in it says so in the disabled grey, which is for controls that cannot be used, not for words.
  components: {
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
});
