import { defaultTheme, type RaThemeOptions } from 'react-admin';

const CJK_FONT_STACK = [
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  'Roboto',
  'Helvetica',
  'Arial',
  'sans-serif',
].join(',');

/** react-admin's default theme in the deep government blue, with fonts that render Chinese well. */
export const consoleTheme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1e4f91' },
    secondary: { main: '#163a6b' },
    background: { default: '#f4f6fa' },
  },
  typography: { ...defaultTheme.typography, fontFamily: CJK_FONT_STACK },
};
