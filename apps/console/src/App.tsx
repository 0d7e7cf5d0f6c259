import { Admin, CustomRoutes, Resource, localStorageStore, reactRouterProvider, type AuthProvider } from 'react-admin';
import { AppLayout } from './layout/AppLayout';
import { Dashboard } from './pages/Dashboard';
import { MyTasks } from './pages/MyTasks';
import type { ConsoleDataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { enterprises } from './resources/enterprises';
import { orgUnits } from './resources/org-units';
import { consoleTheme } from './theme';

// Custom routes must use the Route of the router react-admin runs on (react-router by default).
const { Route } = reactRouterProvider;

/** Per-user UI state (list filters, sidebar, tab choice); react-admin clears it on logout. */
const store = localStorageStore('1', 'Zhiben');

export interface AppProps {
  authProvider: AuthProvider;
  dataProvider: ConsoleDataProvider;
  version: string;
}

export const App = ({ authProvider, dataProvider, version }: AppProps) => (
  <Admin
    title={i18nProvider.translate('zhiben.app.title')}
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={AppLayout}
    dashboard={() => <Dashboard version={version} />}
    theme={consoleTheme}
    loginPage={false}
    requireAuth
    disableTelemetry
  >
    <Resource {...orgUnits} />
    <Resource {...enterprises} />
    <Resource name="sectors" recordRepresentation="nameZh" />
    <CustomRoutes>
      <Route path="/my-tasks" element={<MyTasks />} />
    </CustomRoutes>
  </Admin>
);
