import type { ConfigProviderProps } from 'antd';

/**
 * Every table's defaults (main.tsx gives them to Ant Design): as wide as its columns need and scrolling sideways in its
 * box when that is wider than the screen (screens.css says so above it), headers on one line. A column of long text
 * sets its width, within which its text wraps; the others take their content's width, so none is squeezed to one
 * character a line. A table that must fit its box without scrolling passes its own `scroll`.
 */
export const tableDefaults: ConfigProviderProps['table'] = {
  scroll: { x: 'max-content' },
  styles: { header: { cell: { whiteSpace: 'nowrap' } } },
};
