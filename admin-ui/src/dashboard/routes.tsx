/** The dashboard screens, as routes inside the staff layout (each page loaded when first shown, see lazyPage). */
export const dashboardRoutes = <></>;
