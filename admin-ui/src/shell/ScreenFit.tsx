import { useEffect, type ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import { usePhone } from '../components/screen';
import { useI18n } from '../i18n/I18n';

const phoneTheme: ThemeConfig = { components: { Card: { bodyPadding: 12, headerPadding: 12 } } };

/**
 * What a layout's screens inherit for the width they are shown at, with screens.css and tableDefaults: on a phone,
 * cards with narrower margins; at every width, the hint above a table that scrolls sideways, in the user's language.
 */
export function ScreenFit({ children }: { children: ReactNode }) {
  const phone = usePhone();
  const { t } = useI18n();
  const hint = t('table.scrollHint');
  useEffect(() => {
    // On the document, so that a table in a dialog (rendered outside the layout) has it too.
    document.documentElement.style.setProperty('--wf-table-scroll-hint', JSON.stringify(hint));
  }, [hint]);
  return <ConfigProvider theme={phone ? phoneTheme : undefined}>{children}</ConfigProvider>;
}
