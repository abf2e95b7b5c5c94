import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { speak } from '../api/client';
import { translate, type Locale, type MessageKey, type Messages } from './messages';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * The one i18n layer: Chinese unless the user switched, remembered in the browser; Ant Design and the API follow it. The strings
 * come from main.tsx (`src/messages.ts`), so that the shell names no area.
 */
export function I18nProvider({ messages, children }: { messages: Messages; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem('workforce.locale') === 'en' ? 'en' : 'zh-CN'));
  speak(locale);
  const value = useMemo<I18n>(() => ({
    locale,
    setLocale: (next) => {
      localStorage.setItem('workforce.locale', next);
      document.documentElement.lang = next;
      setLocaleState(next);
    },
    t: (key, values) => translate(messages, locale, key, values),
  }), [messages, locale]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) {
    throw new Error('useI18n outside I18nProvider');
  }
  return i18n;
}
