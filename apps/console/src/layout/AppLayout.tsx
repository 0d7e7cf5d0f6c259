import { useEffect, type ReactNode } from 'react';
import { Layout, useTranslate } from 'react-admin';
import { AppMenu } from './AppMenu';
import { ConsoleAppBar } from './ConsoleAppBar';

/** Keeps the browser tab title in the UI language. */
const useDocumentTitle = () => {
  const title = useTranslate()('zhiben.app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
};

export const AppLayout = ({ children }: { children: ReactNode }) => {
  useDocumentTitle();
  return (
    <Layout appBar={ConsoleAppBar} menu={AppMenu}>
      {children}
    </Layout>
  );
};
