import { AppBar, LoadingIndicator, TitlePortal } from 'react-admin';
import { CurrentUser } from './CurrentUser';
import { LanguageSwitch } from './LanguageSwitch';

export const ConsoleAppBar = () => (
  <AppBar
    toolbar={
      <>
        <LanguageSwitch />
        <LoadingIndicator />
      </>
    }
    userMenu={<CurrentUser />}
  >
    <TitlePortal />
  </AppBar>
);
