import {
  Admin,
  CustomRoutes,
  Resource,
  localStorageStore,
  reactRouterProvider,
  type AuthProvider,
} from 'react-admin';
import { AppLayout } from './layout/AppLayout';
import { AppTitle } from './layout/AppTitle';
import { Dashboard } from './pages/Dashboard';
import { MyTasks } from './pages/inbox/MyTasks';
import { TaskPage } from './pages/task/TaskPage';
import type { ConsoleDataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { DispatchPage } from './pages/dispatch/DispatchPage';
import { ReportPage } from './pages/reports/ReportPage';
import { campaigns } from './resources/campaigns';
import { enterprises } from './resources/enterprises';
import { PlanFormPage, hazards } from './resources/hazards';
import { InspectionRecordPage, inspections } from './resources/inspections';
import { inspectionPlans } from './resources/inspection-plans';
import { penaltyCases } from './resources/penalty-cases';
import { ReferralBoardPage, referrals } from './resources/referrals';
import { listings } from './resources/listings';
import { RewardApprovalList, RewardApprovalPage, UnmaskRequestsPage, tips } from './resources/tips';
import { orgUnits } from './resources/org-units';
import { consoleTheme } from './theme';

// Custom routes must use the Route of the router react-admin runs on (react-router by default).
const { Route } = reactRouterProvider;

/** Per-user UI state (list filters, sidebar, tab choice); react-admin clears it on logout. */
const store = localStorageStore('1', 'Zhiben');

export interface AppProps {
  authProvider: AuthProvider;
  dataProvider: ConsoleDataProvider;
}

export const App = ({ authProvider, dataProvider }: AppProps) => (
  <Admin
    title={<AppTitle />}
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={AppLayout}
    dashboard={Dashboard}
    theme={consoleTheme}
    loginPage={false}
    requireAuth
    disableTelemetry
  >
    <Resource {...hazards} />
    <Resource {...listings} />
    <Resource {...campaigns} />
    <Resource {...inspectionPlans} />
    <Resource {...inspections} />
    <Resource {...penaltyCases} />
    <Resource {...referrals} />
    <Resource {...tips} />
    <Resource {...orgUnits} />
    <Resource {...enterprises} />
    {/* Reference data only: no pages, read from memory by the data provider. */}
    <Resource name="sectors" recordRepresentation="code" />
    <CustomRoutes>
      <Route path="/my-tasks" element={<MyTasks />} />
      <Route path="/tasks/:id" element={<TaskPage />} />
      <Route path="/hazards/:id/plan" element={<PlanFormPage />} />
      <Route path="/reports/:reportId" element={<ReportPage />} />
      <Route path="/dispatch" element={<DispatchPage />} />
      <Route path="/inspections/:id/record" element={<InspectionRecordPage />} />
      <Route path="/referral-board" element={<ReferralBoardPage />} />
      {/* The public tip form and status page (#/public/…) are not here: main.tsx renders them without login. */}
      <Route path="/tips/:id/reward" element={<RewardApprovalPage />} />
      <Route path="/tip-rewards" element={<RewardApprovalList />} />
      <Route path="/tip-unmask-requests" element={<UnmaskRequestsPage />} />
    </CustomRoutes>
  </Admin>
);
