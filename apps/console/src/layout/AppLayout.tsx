import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppMenu } from './AppMenu';
import { ConsoleAppBar } from './ConsoleAppBar';

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={ConsoleAppBar} menu={AppMenu}>
    {children}
  </Layout>
);
