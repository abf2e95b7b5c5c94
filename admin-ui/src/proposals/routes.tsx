/** The Proposals screens: for staff and handlers inside the staff layout, and for representatives under /rep. */
export const proposalsRoutes = <></>;
export const proposalsRepRoutes = <></>;
