import { Grid } from 'antd';

/**
 * Whether the screen is a phone's: narrower than Ant Design's md breakpoint (768 px), where filters fold behind a
 * button and cards and the page keep smaller margins. (Until the first measurement, as on a wide screen.)
 */
export const usePhone = () => Grid.useBreakpoint().md === false;

/** Whether the screen is narrower than Ant Design's lg breakpoint (992 px), a tablet's or a phone's: the menu folds into a drawer. */
export const useNarrow = () => Grid.useBreakpoint().lg === false;
