import { AppBar, LoadingIndicator, Logout, TitlePortal, UserMenu } from 'react-admin';
import { CurrentUser } from './CurrentUser';
import { LanguageSwitch } from './LanguageSwitch';

export const ConsoleAppBar = () => (
  <AppBar
    toolbar={
      <>
        <CurrentUser />
        <LanguageSwitch />
        <LoadingIndicator />
      </>
    }
    userMenu={
      <UserMenu>
        <Logout />
      </UserMenu>
    }
  >
    <TitlePortal />
  </AppBar>
);
