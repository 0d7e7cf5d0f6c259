import {
  AppBar,
  Box,
  Container,
  CssBaseline,
  Link,
  Tab,
  Tabs,
  ThemeProvider,
  ToggleButton,
  ToggleButtonGroup,
  Toolbar,
  Typography,
  createTheme,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { createHttpClient } from '../providers/httpClient';
import { LOCALES, currentLocale, i18nProvider, type ConsoleLocale } from '../providers/i18nProvider';
import { createPublicTiplineApi, type PublicTiplineApi } from '../providers/tiplineApi';
import { PublicI18nProvider, usePublicI18n } from './PublicI18n';
import { PublicStatusPage } from './PublicStatusPage';
import { PublicTipPage } from './PublicTipPage';
import { PUBLIC_ROUTE_PREFIX, publicPageOf, type PublicPage } from './publicStatus';

const LANGUAGE_NAMES: Record<ConsoleLocale, string> = { 'zh-CN': '中文', en: 'English' };

/** The console's blue and CJK fonts, without react-admin's theme (the public pages load no admin). */
const publicTheme = createTheme({
  palette: {
    primary: { main: '#1e4f91' },
    secondary: { main: '#163a6b' },
    background: { default: '#f4f6fa' },
  },
  components: {
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
    MuiTab: { styleOverrides: { root: { textTransform: 'none' } } },
  },
  typography: {
    fontFamily: [
      '"PingFang SC"',
      '"Microsoft YaHei"',
      '"Noto Sans CJK SC"',
      '"Source Han Sans SC"',
      'Roboto',
      'Helvetica',
      'Arial',
      'sans-serif',
    ].join(','),
  },
});

const useHashPage = (): PublicPage => {
  const [page, setPage] = useState<PublicPage>(() => publicPageOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setPage(publicPageOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
};

const Shell = ({ api }: { api: PublicTiplineApi }) => {
  const { translate, locale, setLocale } = usePublicI18n();
  const page = useHashPage();
  useEffect(() => {
    document.title = translate('zhiben.tipline.public.title');
  }, [translate, locale]);
  return (
    <Box sx={{ minHeight: '100%', bgcolor: 'background.default' }} data-testid="public-app">
      <AppBar position="static" color="secondary" elevation={0}>
        <Toolbar sx={{ gap: 1, px: { xs: 1.5, sm: 3 } }}>
          <Typography
            variant="h6"
            component="h1"
            sx={{ flex: 1, fontSize: { xs: 17, sm: 20 }, fontWeight: 600 }}
          >
            {translate('zhiben.tipline.public.title')}
          </Typography>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={locale}
            onChange={(_event, next: ConsoleLocale | null) => next && setLocale(next)}
            data-testid="public-language"
            sx={{
              '& .MuiToggleButton-root': {
                color: 'inherit',
                borderColor: 'rgba(255,255,255,0.4)',
                py: 0.25,
                textTransform: 'none',
              },
              '& .Mui-selected': {
                backgroundColor: 'rgba(255,255,255,0.2) !important',
                color: 'inherit !important',
              },
            }}
          >
            {LOCALES.map((code) => (
              <ToggleButton key={code} value={code} lang={code} data-testid={`public-language-${code}`}>
                {LANGUAGE_NAMES[code]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Toolbar>
      </AppBar>
      <Container maxWidth="sm" sx={{ px: { xs: 1.5, sm: 3 }, pb: 4 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('zhiben.tipline.public.subtitle')}
        </Typography>
        <Tabs
          value={page}
          variant="fullWidth"
          sx={{ mt: 1, mb: 2, borderBottom: 1, borderColor: 'divider' }}
          onChange={(_event, next: PublicPage) => {
            window.location.hash = `${PUBLIC_ROUTE_PREFIX}${next}`;
          }}
        >
          <Tab value="tip" label={translate('zhiben.tipline.public.tipTab')} data-testid="public-tab-tip" />
          <Tab
            value="status"
            label={translate('zhiben.tipline.public.statusTab')}
            data-testid="public-tab-status"
          />
        </Tabs>
        {page === 'tip' ? <PublicTipPage api={api} /> : <PublicStatusPage api={api} />}
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 3 }}>
          {translate('zhiben.tipline.public.privacy')}
        </Typography>
        <Link href="#/" variant="caption" data-testid="public-staff-login">
          {translate('zhiben.tipline.public.staffLogin')}
        </Link>
      </Container>
    </Box>
  );
};

/**
 * The public tip form and status page (`#/public/tip`, `#/public/status`): rendered instead of the console
 * for those routes, before and without Keycloak, so a member of the public never meets a login page. Their
 * calls carry no token and go only to `/api/tipline/public/…`.
 */
export const PublicApp = () => {
  const api = useMemo(
    () =>
      createPublicTiplineApi(
        createHttpClient({
          getLocale: currentLocale,
          translate: (key, options) => i18nProvider.translate(key, options),
        }),
      ),
    [],
  );
  return (
    <ThemeProvider theme={publicTheme}>
      <CssBaseline />
      <PublicI18nProvider>
        <Shell api={api} />
      </PublicI18nProvider>
    </ThemeProvider>
  );
};
