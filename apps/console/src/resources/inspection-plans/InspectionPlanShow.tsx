import CasinoOutlinedIcon from '@mui/icons-material/CasinoOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Form,
  LinkBase,
  NumberInput,
  SaveButton,
  TextInput,
  Show,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { submissionErrors } from '../../fields/submission';
import { useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { InspectionKindChip } from '../enforcement/EnforcementChips';
import { issuesToErrors } from '../enforcement/formIssues';
import { checkDraw, toDraw, type DrawValues } from '../enforcement/planForms';
import { useEnforcementRoles } from '../enforcement/enforcementRoles';
import { Field } from '../hazards/HazardSections';
import type { InspectionPlan } from '../enforcement/types';

/** 双随机 draw: how many enterprises, from which inspector pool; the result is published (一公开). */
const DrawButton = ({ plan }: { plan: InspectionPlan }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const draw = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.drawPlan(plan.id, toDraw(values as DrawValues));
      notify('zhiben.enforcement.plan.drawn', { type: 'success' });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return submissionErrors(error);
    }
  };
  return (
    <>
      <Button
        variant="contained"
        startIcon={<CasinoOutlinedIcon />}
        onClick={() => setOpen(true)}
        data-testid="plan-draw"
      >
        {translate('zhiben.enforcement.plan.draw')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        maxWidth="sm"
        fullWidth
        data-testid="plan-draw-dialog"
      >
        <Form
          defaultValues={{ enterpriseCount: 1, inspectorsPerInspection: 2, inspectorPool: '', seed: '' }}
          validate={(values) => issuesToErrors(checkDraw(values as DrawValues))}
          onSubmit={draw}
          noValidate
        >
          <DialogTitle>{translate('zhiben.enforcement.plan.drawConfirmTitle')}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('zhiben.enforcement.plan.drawConfirm')}
            </Typography>
            <NumberInput
              source="enterpriseCount"
              label="zhiben.enforcement.plan.enterpriseCount"
              min={1}
              step={1}
            />
            <TextInput
              source="inspectorPool"
              label="resources.inspection-plans.fields.inspectorPool"
              helperText="zhiben.enforcement.plan.inspectorPoolHelp"
              multiline
              minRows={4}
              fullWidth
            />
            <NumberInput
              source="inspectorsPerInspection"
              label="zhiben.enforcement.plan.inspectorsPerInspection"
              min={2}
              step={1}
            />
            <TextInput
              source="seed"
              label="zhiben.enforcement.plan.seed"
              helperText="zhiben.enforcement.plan.seedHelp"
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="zhiben.enforcement.plan.draw" alwaysEnable data-testid="plan-draw-submit" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

const DrawResult = ({ plan }: { plan: InspectionPlan }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const names = new Map(plan.enterprises.map((e) => [e.creditCode, e.name]));
  if (!plan.draw) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="plan-draw-none">
        {translate('zhiben.enforcement.plan.notDrawn')}
      </Typography>
    );
  }
  return (
    <Box data-testid="plan-draw-result">
      <Field label={translate('zhiben.enforcement.plan.drawnAt')}>
        {formatDate(plan.draw.drawnAt, true)}
      </Field>
      <Field label={translate('zhiben.enforcement.plan.seed')}>
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {plan.draw.seed}
        </Box>
      </Field>
      <Field label={translate('zhiben.enforcement.plan.drawnEnterprises')}>
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
          {plan.draw.enterprises.map((code) => (
            <Chip
              key={code}
              size="small"
              label={names.get(code) ?? code}
              data-testid="plan-drawn-enterprise"
            />
          ))}
        </Stack>
      </Field>
      <Field label={translate('zhiben.enforcement.plan.drawnInspectors')}>
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
          {plan.draw.inspectors.map((name) => (
            <Chip
              key={name}
              size="small"
              variant="outlined"
              label={name}
              data-testid="plan-drawn-inspector"
            />
          ))}
        </Stack>
      </Field>
    </Box>
  );
};

const PlanLayout = () => {
  const plan = useRecordContext<InspectionPlan>();
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const { inspect } = useEnforcementRoles();
  if (!plan) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="plan-show">
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mr: 1 }}>
              {plan.title}
            </Typography>
            <InspectionKindChip kind={plan.kind} />
            <Box sx={{ flex: 1 }} />
            {inspect && plan.kind === 'randomDraw' && !plan.draw ? <DrawButton plan={plan} /> : null}
            {inspect ? (
              <Button
                component={LinkBase}
                to="/inspections/create"
                state={{ record: { planId: plan.id, kind: plan.kind } }}
                data-testid="plan-new-inspection"
              >
                {translate('zhiben.enforcement.plan.newInspection')}
              </Button>
            ) : null}
          </Stack>
          <Field label={translate('resources.inspection-plans.fields.department')}>
            {plan.department.name}
          </Field>
          <Field label={translate('resources.inspection-plans.fields.period')}>
            {formatDate(plan.period.from)} — {formatDate(plan.period.to)}
          </Field>
          <Field label={translate('resources.inspection-plans.fields.enterprises')}>
            {plan.enterprises.map((e) => e.name).join('、') || '—'}
          </Field>
          <Field label={translate('resources.inspection-plans.fields.inspectionCount')}>
            {translate('zhiben.enforcement.plan.inspections', { count: plan.inspectionCount })}
          </Field>
        </CardContent>
      </Card>
      {plan.kind === 'randomDraw' ? (
        <Card>
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('zhiben.enforcement.plan.drawResult')}
            </Typography>
            <DrawResult plan={plan} />
          </CardContent>
        </Card>
      ) : null}
      {!inspect ? null : plan.kind === 'randomDraw' && !plan.draw ? (
        <Alert severity="info">{translate('zhiben.enforcement.plan.drawLater')}</Alert>
      ) : null}
    </Stack>
  );
};

/** 检查计划 detail with the 双随机 draw and its published result. */
export const InspectionPlanShow = () => (
  <Show actions={false} component="div">
    <PlanLayout />
  </Show>
);
