import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import { i18nProvider } from '../providers/i18nProvider';

export type BootState = { kind: 'loading' } | { kind: 'failed'; detail: string };

/**
 * What the user sees before react-admin is mounted: while the runtime config loads and Keycloak
 * processes a login callback, or when either fails. Translates through the shared i18nProvider
 * because no react-admin context exists yet.
 */
export const BootScreen = ({ state }: { state: BootState }) => {
  const t = (key: string) => i18nProvider.translate(key);
  return (
    <Box
      sx={{
        minHeight: '100%',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 2,
        p: 3,
        bgcolor: '#f4f6fa',
      }}
      data-testid="boot-screen"
    >
      <Typography variant="h5" component="h1" sx={{ color: '#163a6b', fontWeight: 600 }}>
        {t('zhiben.app.title')}
      </Typography>
      {state.kind === 'loading' ? (
        <>
          <CircularProgress size={32} />
          <Typography variant="body2" color="text.secondary">
            {t('zhiben.boot.loading')}
          </Typography>
        </>
      ) : (
        <Alert
          severity="error"
          sx={{ maxWidth: 560 }}
          action={
            <Button
              color="inherit"
              size="small"
              // Back to the bare app URL: a failed login callback must not be replayed.
              onClick={() => window.location.assign(`${window.location.origin}${window.location.pathname}`)}
            >
              {t('zhiben.boot.retry')}
            </Button>
          }
        >
          <AlertTitle>{t('zhiben.boot.failed')}</AlertTitle>
          <Box component="code" sx={{ wordBreak: 'break-word' }}>
            {state.detail}
          </Box>
        </Alert>
      )}
    </Box>
  );
};
