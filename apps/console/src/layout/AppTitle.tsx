import { useEffect } from 'react';
import { useTranslate } from 'react-admin';

/** The app's name in the UI language, also kept in the browser tab title. */
export const AppTitle = () => {
  const translate = useTranslate();
  const title = translate('zhiben.app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return <span>{title}</span>;
};
