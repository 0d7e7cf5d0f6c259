import { useTranslate } from 'react-admin';

/** The app's name in the UI language (react-admin's default page title). */
export const AppTitle = () => {
  const translate = useTranslate();
  return <span>{translate('zhiben.app.title')}</span>;
};
