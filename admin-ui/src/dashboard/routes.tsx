import { Route } from 'react-router-dom';
import { lazyPage } from '../shell/lazyPage';

const DashboardPage = lazyPage(() => import('./DashboardPage'), 'DashboardPage');

/** The dashboard screens, as routes inside the staff layout (each page loaded when first shown, see lazyPage). */
export const dashboardRoutes = <Route path="dashboard" element={<DashboardPage />} />;
