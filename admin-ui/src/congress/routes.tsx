/** The Congress screens: for union staff inside the staff layout, and for representatives under /rep. */
export const congressRoutes = <></>;
export const congressRepRoutes = <></>;
