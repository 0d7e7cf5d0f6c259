import { AppBar, LoadingIndicator, TitlePortal } from 'react-admin';
import { CurrentUser } from './CurrentUser';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationsBell } from './NotificationsBell';

export const ConsoleAppBar = () => (
  <AppBar
    toolbar={
      <>
        <LanguageSwitch />
        <NotificationsBell />
        <LoadingIndicator />
      </>
    }
    userMenu={<CurrentUser />}
  >
    <TitlePortal />
  </AppBar>
);
