import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Link,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  LinkBase,
  Title,
  useDataProvider,
  useGetList,
  useLocation,
  useNavigate,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useBilingual } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { rowsBySection } from '../../resources/campaigns/reportForm';
import type { Campaign, DispatchNode, DispatchTable, ReportRow } from '../../resources/campaigns/types';

const flatten = (node: DispatchNode): DispatchNode[] => [node, ...node.children.flatMap(flatten)];

/** The hazards of a drill-down row, from the hazards-service query the dispatch table names. */
const CountedHazards = ({ query }: { query: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const hazards = useQuery({
    queryKey: ['campaigns', 'counted', query],
    queryFn: ({ signal }) =>
      dataProvider.getByPath<{
        data: { id: string; caseRef: string; title: string; status: string }[];
        total: number;
      }>(`${query}&perPage=50`, signal),
    retry: false,
  });
  if (hazards.isPending) return <LinearProgress />;
  if (hazards.error) return <Alert severity="warning">{(hazards.error as Error).message}</Alert>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="dispatch-hazards">
      {hazards.data.data.map((h) => (
        <li key={h.id}>
          <Link component={LinkBase} to={`/hazards/${h.id}/show`}>
            {h.caseRef}
          </Link>{' '}
          {h.title} · {translate(`zhiben.hazards.statuses.${h.status}`, { _: h.status })}
        </li>
      ))}
      {hazards.data.total > hazards.data.data.length ? (
        <li>{translate('zhiben.dispatch.more', { count: hazards.data.total - hazards.data.data.length })}</li>
      ) : null}
    </Box>
  );
};

/** Drill-down of one row: each unit's own figure and, for pre-filled rows, the counted hazards. */
const DrillDown = ({
  table,
  row,
  onClose,
}: {
  table: DispatchTable;
  row: ReportRow | null;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const names = useMemo(() => new Map(flatten(table.tree).map((n) => [n.code, n.name ?? n.code])), [table]);
  const [open, setOpen] = useState<string | null>(null);
  if (!row) return null;
  const contributions = table.contributions[row.id] ?? [];
  const drill = new Map((table.drillDown[row.id] ?? []).map((d) => [d.unitCode, d.hazards]));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" data-testid="dispatch-drilldown">
      <DialogTitle>
        {row.number ? `${row.number} ` : ''}
        {bilingual(row.labelZh, row.labelEn)}
      </DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('zhiben.reports.unit')}</TableCell>
              <TableCell align="right">{translate('zhiben.reports.value')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {contributions.map((c) => (
              <TableRow key={c.unitCode} data-testid="dispatch-contribution" data-unit={c.unitCode}>
                <TableCell>{names.get(c.unitCode) ?? c.unitCode}</TableCell>
                <TableCell align="right">{c.value}</TableCell>
                <TableCell>
                  {drill.get(c.unitCode) ? (
                    <Button size="small" onClick={() => setOpen(open === c.unitCode ? null : c.unitCode)}>
                      {translate('zhiben.dispatch.showHazards')}
                    </Button>
                  ) : null}
                  {open === c.unitCode && drill.get(c.unitCode) ? (
                    <CountedHazards query={drill.get(c.unitCode)!} />
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {contributions.length === 0 ? (
          <Typography color="text.secondary">{translate('zhiben.dispatch.noReports')}</Typography>
        ) : null}
      </DialogContent>
    </Dialog>
  );
};

/**
 * 月度调度汇总表 (`/dispatch`): a campaign's dispatch form summed over the user's district or town for one
 * month (GET /campaigns/:id/dispatch), with the units still missing, the drill-down to each unit's figure
 * and, for rows the system pre-filled, the counted hazards; .xlsx laid out like the form.
 */
export const DispatchPage = () => {
  const translate = useTranslate();
  const bilingual = useBilingual();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const campaignId = params.get('campaign') ?? '';
  const occurrenceKey = params.get('occurrence') ?? '';
  const unit = params.get('unit') ?? '';
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    navigate({ pathname: location.pathname, search: `?${next.toString()}` }, { replace: true });
  };
  const { data: campaigns } = useGetList<Campaign>('campaigns', { pagination: { page: 1, perPage: 100 } });
  const withForm = (campaigns ?? []).filter((c) =>
    c.reportSchedules.some((s) => s.report.kind === 'dispatchForm'),
  );
  const reports = useQuery({
    queryKey: ['campaigns', 'reports', campaignId],
    queryFn: ({ signal }) => dataProvider.getCampaignReports(campaignId, {}, signal),
    enabled: campaignId !== '',
  });
  const occurrences = useMemo(
    () => [...new Set((reports.data?.data ?? []).map((r) => r.occurrenceKey))].sort().reverse(),
    [reports.data],
  );
  const occurrence = occurrenceKey || occurrences[0] || '';
  const query = { occurrenceKey: occurrence, ...(unit ? { unit } : {}) };
  const table = useQuery({
    queryKey: ['campaigns', 'dispatch', campaignId, occurrence, unit],
    queryFn: ({ signal }) => dataProvider.getDispatch(campaignId, query, signal),
    enabled: campaignId !== '' && occurrence !== '',
  });
  // The row labels and sections come with one of the campaign's reports (the dispatch DTO names the form only).
  const sample = (reports.data?.data ?? []).find((r) => r.occurrenceKey === occurrence);
  const rowsSource = useQuery({
    queryKey: ['campaigns', 'report', sample?.id ?? ''],
    queryFn: ({ signal }) => dataProvider.getReport(sample!.id, signal),
    enabled: sample !== undefined,
  });
  const [drill, setDrill] = useState<ReportRow | null>(null);
  const [downloading, setDownloading] = useState(false);

  const download = async (format: 'xlsx' | 'pdf') => {
    setDownloading(true);
    try {
      const blob =
        format === 'pdf'
          ? await dataProvider.dispatchPdf(campaignId, query)
          : await dataProvider.dispatchXlsx(campaignId, query);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${translate('zhiben.dispatch.fileName')}-${occurrence}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setDownloading(false);
    }
  };

  const data = table.data;
  const units = data ? flatten(data.tree) : [];
  const rows = rowsSource.data?.rows ?? [];
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="dispatch-page">
      <Title title={translate('zhiben.dispatch.title')} />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }}>
            <TextField
              select
              size="small"
              sx={{ minWidth: 320 }}
              label={translate('zhiben.dispatch.campaign')}
              value={campaignId}
              onChange={(e) => set({ campaign: e.target.value, occurrence: '', unit: '' })}
              slotProps={{ htmlInput: { 'data-testid': 'dispatch-campaign' } }}
            >
              {withForm.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {bilingual(c.titleZh, c.titleEn)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              sx={{ minWidth: 160 }}
              label={translate('zhiben.reports.occurrence')}
              value={occurrence}
              onChange={(e) => set({ occurrence: e.target.value })}
              disabled={occurrences.length === 0}
            >
              {occurrences.map((o) => (
                <MenuItem key={o} value={o}>
                  {o}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              sx={{ minWidth: 200 }}
              label={translate('zhiben.dispatch.unit')}
              value={unit || data?.unit.code || ''}
              onChange={(e) => set({ unit: e.target.value })}
              disabled={!data}
            >
              {units.map((n) => (
                <MenuItem key={n.code} value={n.code}>
                  {n.name ?? n.code}
                </MenuItem>
              ))}
            </TextField>
            <Box sx={{ flexGrow: 1 }} />
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              disabled={!data || downloading}
              onClick={() => void download('xlsx')}
              sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
              data-testid="dispatch-xlsx"
            >
              {translate('zhiben.dispatch.download')}
            </Button>
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              disabled={!data || downloading}
              onClick={() => void download('pdf')}
              sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
              data-testid="dispatch-pdf"
            >
              {translate('zhiben.dispatch.downloadPdf')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      {table.isFetching ? <LinearProgress /> : null}
      {table.error ? <Alert severity="error">{(table.error as Error).message}</Alert> : null}
      {campaignId === '' ? <Alert severity="info">{translate('zhiben.dispatch.pick')}</Alert> : null}
      {campaignId !== '' && reports.data && occurrences.length === 0 ? (
        <Alert severity="info">{translate('zhiben.dispatch.noReports')}</Alert>
      ) : null}
      {data ? (
        <>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h1">
                {bilingual(data.form.titleZh, data.form.titleEn)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {data.unit.name} · {data.occurrenceKey} ·{' '}
                {translate('zhiben.dispatch.reporting', { count: data.tree.reportingUnits })}
              </Typography>
              {data.tree.missing.length > 0 ? (
                <Alert severity="warning" sx={{ mt: 1 }} data-testid="dispatch-missing">
                  {translate('zhiben.dispatch.missing', {
                    units: data.tree.missing
                      .map((code) => units.find((n) => n.code === code)?.name ?? code)
                      .join('、'),
                  })}
                </Alert>
              ) : null}
            </CardContent>
          </Card>
          {rowsBySection(rows).map(([sectionId, sectionRows], index) => (
            <Card key={sectionId}>
              <CardContent>
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                  {translate('zhiben.reports.sectionNumber', { n: index + 1 })}
                  {translate(`zhiben.reports.sections.${sectionId}`, { _: sectionId })}
                </Typography>
                <Table size="small" data-testid="dispatch-table">
                  <TableBody>
                    {sectionRows.map((row) => (
                      <TableRow key={row.id} data-testid="dispatch-row" data-row={row.id}>
                        <TableCell sx={{ width: 56 }}>{row.number ?? ''}</TableCell>
                        <TableCell>{bilingual(row.labelZh, row.labelEn)}</TableCell>
                        <TableCell sx={{ width: 90 }}>
                          {translate(`zhiben.reports.units.${row.unit}`, { _: row.unit })}
                        </TableCell>
                        <TableCell align="right" sx={{ width: 120 }}>
                          <Link
                            component="button"
                            type="button"
                            onClick={() => setDrill(row)}
                            data-testid={`dispatch-value-${row.id}`}
                          >
                            {data.tree.total[row.id] ?? 0}
                          </Link>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </CardContent>
            </Card>
          ))}
          {rows.length === 0 && !rowsSource.isPending ? (
            <Table size="small" data-testid="dispatch-table">
              <TableBody>
                {Object.entries(data.tree.total).map(([id, total]) => (
                  <TableRow key={id}>
                    <TableCell>{id}</TableCell>
                    <TableCell align="right">{total}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          <DrillDown table={data} row={drill} onClose={() => setDrill(null)} />
        </>
      ) : null}
    </Stack>
  );
};
