import { Route } from 'react-router-dom';
import { lazyPage } from '../shell/lazyPage';

const SessionsPage = lazyPage(() => import('./SessionsPage'), 'SessionsPage');
const SessionPage = lazyPage(() => import('./SessionPage'), 'SessionPage');
const MySessionsPage = lazyPage(() => import('./rep/MySessionsPage'), 'MySessionsPage');
const MySessionPage = lazyPage(() => import('./rep/MySessionPage'), 'MySessionPage');
const ReceiptCheckPage = lazyPage(() => import('./rep/ReceiptCheckPage'), 'ReceiptCheckPage');

/** The Congress screens: for union staff inside the staff layout, and for representatives under /rep. */
export const congressRoutes = (
  <>
    <Route path="congress/sessions" element={<SessionsPage />} />
    <Route path="congress/sessions/:id" element={<SessionPage />} />
  </>
);

export const congressRepRoutes = (
  <>
    <Route index element={<MySessionsPage />} />
    <Route path="sessions/:id" element={<MySessionPage />} />
    <Route path="receipt" element={<ReceiptCheckPage />} />
  </>
);
