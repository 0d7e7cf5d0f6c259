import { Alert, Box, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { UnmaskRequestRow } from './UnmaskPanel';

/** 身份查阅审批: pending requests to see a reporter's identity, each with its reason, for a leader. */
export const UnmaskRequestsPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const query = useQuery({
    queryKey: ['tips', 'unmask-requests', 'pending'],
    queryFn: ({ signal }) =>
      dataProvider.listUnmaskRequests({ status: 'pending' }, signal).then((r) => r.data),
    refetchInterval: 30_000,
    retry: false,
  });
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 } }} data-testid="unmask-requests-page">
      <Title title={translate('zhiben.tipline.unmask.listTitle')} />
      <Card>
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('zhiben.tipline.unmask.listTitle')}
          </Typography>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('zhiben.tipline.show.reporterNote')}
          </Alert>
          {query.isPending ? (
            <CircularProgress size={24} />
          ) : query.isError ? (
            <Alert severity="warning">
              {translate('zhiben.tipline.show.unavailable', {
                message: query.error instanceof Error ? query.error.message : '',
              })}
            </Alert>
          ) : query.data.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('zhiben.tipline.unmask.empty')}
            </Typography>
          ) : (
            <Stack spacing={1}>
              {query.data.map((request) => (
                <UnmaskRequestRow key={request.id} request={request} showTip />
              ))}
            </Stack>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
