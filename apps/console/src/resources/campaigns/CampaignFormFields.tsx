import { Box, Checkbox, FormControlLabel, FormHelperText, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import {
  ArrayInput,
  BooleanInput,
  DateInput,
  FormDataConsumer,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useGetList,
  useInput,
  useTranslate,
} from 'react-admin';
import type { OrgUnit } from '../../types';
import type { Participant } from './types';

const STAGE_KIND_CODES = [
  'Mobilization',
  'ConcentratedInspection',
  'FocusedRectification',
  'Institutionalization',
  'ImmediateDeployment',
  'SelfInspection',
  'AssistedInspection',
  'CovertVerification',
  'Accountability',
  'InspectionRectification',
  'ConcentratedAssault',
  'RootCauseImprovement',
  'Consolidation',
  'SummaryEvaluation',
  'Other',
];
const REPORT_KIND_CODES = [
  'dispatchForm',
  'progress',
  'implementation',
  'selfInspection',
  'planFiling',
  'annualSummary',
  'finalSummary',
];
const TIMING_KINDS = ['monthly', 'oneOff', 'annual', 'final'];
const DUE_DAYS = [...Array.from({ length: 31 }, (_, i) => i + 1), 'last'] as const;

const useChoices = (prefix: string, codes: readonly string[]) => {
  const translate = useTranslate();
  return codes.map((id) => ({ id, name: translate(`${prefix}.${id}`, { _: id }) }));
};

/** A stage or campaign end: a date, or an event of the plan (002: 党的二十大结束). */
const EndInputs = ({
  source,
  end,
  events,
}: {
  source: string;
  end: { kind?: string } | undefined;
  events: { key: string; labelZh: string }[];
}) => {
  const endKinds = useChoices('zhiben.campaigns.endKinds', ['date', 'event']);
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
      <SelectInput
        source={`${source}.kind`}
        label="zhiben.campaigns.fields.endKind"
        choices={endKinds}
        defaultValue="date"
      />
      {end?.kind === 'event' ? (
        <SelectInput
          source={`${source}.event`}
          label="zhiben.campaigns.fields.endEvent"
          choices={events.map((e) => ({ id: e.key, name: e.labelZh }))}
        />
      ) : (
        <DateInput source={`${source}.date`} label="zhiben.campaigns.fields.endDate" />
      )}
    </Stack>
  );
};

/** Title, period, events, stages and report schedules of a campaign plan. */
export const CampaignPlanInputs = () => {
  const translate = useTranslate();
  const stageKinds = useChoices('zhiben.campaigns.stageKinds', STAGE_KIND_CODES);
  const reportKinds = useChoices('zhiben.campaigns.reportKinds', REPORT_KIND_CODES);
  const timingKinds = useChoices('zhiben.campaigns.timingKinds', TIMING_KINDS);
  const dueDays = DUE_DAYS.map((d) => ({
    id: d,
    name: d === 'last' ? translate('zhiben.campaigns.monthEnd') : String(d),
  }));
  return (
    <FormDataConsumer>
      {({ formData }) => {
        const events = ((formData as { events?: { key: string; labelZh: string }[] }).events ?? []).filter(
          (e) => e?.key,
        );
        return (
          <Stack spacing={2} sx={{ width: '100%' }}>
            <TextInput source="titleZh" label="resources.campaigns.fields.titleZh" fullWidth />
            <TextInput source="titleEn" label="resources.campaigns.fields.titleEn" fullWidth />
            <Typography variant="subtitle1">{translate('zhiben.campaigns.sections.period')}</Typography>
            <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
              <DateInput source="period.start" label="zhiben.campaigns.fields.start" />
              <EndInputs
                source="period.end"
                end={(formData as { period?: { end?: { kind?: string } } }).period?.end}
                events={events}
              />
            </Stack>
            <Typography variant="subtitle1">{translate('zhiben.campaigns.sections.events')}</Typography>
            <ArrayInput source="events" label={false}>
              <SimpleFormIterator inline>
                <TextInput source="key" label="zhiben.campaigns.fields.key" />
                <TextInput source="labelZh" label="zhiben.campaigns.fields.labelZh" />
                <TextInput source="labelEn" label="zhiben.campaigns.fields.labelEn" />
              </SimpleFormIterator>
            </ArrayInput>
            <Typography variant="subtitle1">{translate('zhiben.campaigns.sections.stages')}</Typography>
            <ArrayInput source="stages" label={false}>
              <SimpleFormIterator inline data-testid="campaign-stages">
                <FormDataConsumer>
                  {({ scopedFormData }) => (
                    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
                      <TextInput source={'key'} label="zhiben.campaigns.fields.key" />
                      <SelectInput
                        source={'kind'}
                        label="zhiben.campaigns.fields.stageKind"
                        choices={stageKinds}
                      />
                      <TextInput source={'titleZh'} label="zhiben.campaigns.fields.titleZh" />
                      <TextInput source={'titleEn'} label="zhiben.campaigns.fields.titleEn" />
                      <DateInput source={'start'} label="zhiben.campaigns.fields.start" />
                      <EndInputs
                        source="end"
                        end={(scopedFormData as { end?: { kind?: string } } | undefined)?.end}
                        events={events}
                      />
                    </Stack>
                  )}
                </FormDataConsumer>
              </SimpleFormIterator>
            </ArrayInput>
            <Typography variant="subtitle1">{translate('zhiben.campaigns.sections.schedules')}</Typography>
            <ArrayInput source="reportSchedules" label={false}>
              <SimpleFormIterator data-testid="campaign-schedules">
                <FormDataConsumer>
                  {({ scopedFormData }) => {
                    const timing = (scopedFormData as { timing?: { kind?: string } } | undefined)?.timing;
                    return (
                      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
                        <TextInput source={'id'} label="zhiben.campaigns.fields.key" />
                        <TextInput source={'titleZh'} label="zhiben.campaigns.fields.titleZh" />
                        <TextInput source={'titleEn'} label="zhiben.campaigns.fields.titleEn" />
                        <SelectInput
                          source={'report.kind'}
                          label="zhiben.campaigns.fields.reportKind"
                          choices={reportKinds}
                        />
                        <SelectInput
                          source={'timing.kind'}
                          label="zhiben.campaigns.fields.timingKind"
                          choices={timingKinds}
                        />
                        {timing?.kind === 'monthly' ? (
                          <>
                            <SelectInput
                              source={'timing.dueDay'}
                              label="zhiben.campaigns.fields.dueDay"
                              choices={dueDays}
                            />
                            <BooleanInput
                              source={'timing.shortMonth'}
                              label="zhiben.campaigns.fields.shortMonth"
                              format={(v) => v === 'lastDayOfMonth' || v === true}
                              parse={(v: boolean) => (v ? 'lastDayOfMonth' : undefined)}
                            />
                            <TextInput
                              source={'timing.fromMonth'}
                              label="zhiben.campaigns.fields.fromMonth"
                              placeholder="YYYY-MM"
                            />
                            <TextInput
                              source={'timing.toMonth'}
                              label="zhiben.campaigns.fields.toMonth"
                              placeholder="YYYY-MM"
                            />
                          </>
                        ) : null}
                        {timing?.kind === 'oneOff' ? (
                          <ArrayInput source={'timing.dates'} label="zhiben.campaigns.fields.dates">
                            <SimpleFormIterator inline>
                              <DateInput source="" label="zhiben.campaigns.fields.dueDate" />
                            </SimpleFormIterator>
                          </ArrayInput>
                        ) : null}
                        {timing?.kind === 'annual' ? (
                          <>
                            <NumberInput
                              source={'timing.month'}
                              label="zhiben.campaigns.fields.month"
                              min={1}
                              max={12}
                            />
                            <NumberInput
                              source={'timing.day'}
                              label="zhiben.campaigns.fields.day"
                              min={1}
                              max={31}
                            />
                          </>
                        ) : null}
                        {timing?.kind === 'final' ? (
                          <>
                            <DateInput source={'timing.date'} label="zhiben.campaigns.fields.dueDate" />
                            <NumberInput
                              source={'timing.daysAfterEnd'}
                              label="zhiben.campaigns.fields.daysAfterEnd"
                              min={0}
                            />
                          </>
                        ) : null}
                        <NumberInput
                          source={'leadTime.amount'}
                          label="zhiben.campaigns.fields.leadTime"
                          min={0}
                          max={90}
                        />
                      </Stack>
                    );
                  }}
                </FormDataConsumer>
              </SimpleFormIterator>
            </ArrayInput>
            <Typography variant="subtitle1">{translate('zhiben.campaigns.sections.participants')}</Typography>
            <ParticipantsInput source="participants" />
          </Stack>
        );
      }}
    </FormDataConsumer>
  );
};

interface TreeNode {
  unit: OrgUnit;
  children: TreeNode[];
}

const buildTree = (units: OrgUnit[]): TreeNode[] => {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.unit.path.localeCompare(b.unit.path));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
};

/**
 * 参与单位: the org tree of the user's jurisdiction (GET /api/directory/org-units, scoped by the API) with
 * a checkbox per unit; checking a unit with children offers "with the units below".
 */
export const ParticipantsInput = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput<Participant[]>({ source, defaultValue: [] });
  const { data, isPending } = useGetList<OrgUnit>('org-units', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'code', order: 'ASC' },
  });
  const [q, setQ] = useState('');
  // The form-level validate wraps messages as { message } (react-admin's resolver); server errors are strings.
  const rawError = fieldState.error?.message as unknown;
  const errorText =
    typeof rawError === 'string' ? rawError : (rawError as { message?: string } | undefined)?.message;
  const tree = useMemo(() => buildTree(data ?? []), [data]);
  const selected = new Set((field.value ?? []).map((p: Participant) => p.orgUnitCode));
  const toggle = (codes: string[], on: boolean) => {
    const next = new Set(selected);
    codes.forEach((c) => (on ? next.add(c) : next.delete(c)));
    const previous = new Map((field.value ?? []).map((p: Participant) => [p.orgUnitCode, p] as const));
    field.onChange([...next].map((code) => previous.get(code) ?? { orgUnitCode: code, reports: true }));
  };
  const descendants = (n: TreeNode): string[] => [n.unit.code, ...n.children.flatMap(descendants)];
  const matches = (n: TreeNode): boolean =>
    q === '' ||
    n.unit.name.includes(q) ||
    n.unit.code.toLowerCase().includes(q.toLowerCase()) ||
    n.children.some(matches);
  const render = (n: TreeNode, depth: number) =>
    matches(n) ? (
      <Box key={n.unit.id} sx={{ pl: depth * 2.5 }}>
        <FormControlLabel
          control={
            <Checkbox
              size="small"
              checked={selected.has(n.unit.code)}
              onChange={(e) => toggle([n.unit.code], e.target.checked)}
              inputProps={{ 'data-testid': `participant-${n.unit.code}` } as never}
            />
          }
          label={
            <span>
              {n.unit.name}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {translate(`zhiben.orgUnits.kinds.${n.unit.kind}`, { _: n.unit.kind })} · {n.unit.code}
              </Typography>
            </span>
          }
        />
        {n.children.length > 0 ? (
          <Typography
            component="button"
            type="button"
            variant="caption"
            onClick={() =>
              toggle(descendants(n).slice(1), !n.children.every((c) => selected.has(c.unit.code)))
            }
            sx={{ border: 0, background: 'none', color: 'primary.main', cursor: 'pointer' }}
          >
            {translate('zhiben.campaigns.participants.toggleChildren')}
          </Typography>
        ) : null}
        {n.children.map((c) => render(c, depth + 1))}
      </Box>
    ) : null;
  return (
    <Box data-testid="campaign-participants">
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }}>
        <TextField
          size="small"
          label={translate('zhiben.campaigns.participants.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Typography variant="body2" color="text.secondary">
          {translate('zhiben.campaigns.participants.selected', { count: selected.size })}
        </Typography>
      </Stack>
      <Box
        sx={{ maxHeight: 360, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}
      >
        {isPending ? translate('ra.page.loading') : tree.map((n) => render(n, 0))}
      </Box>
      {errorText ? <FormHelperText error>{translate(errorText, { _: errorText })}</FormHelperText> : null}
    </Box>
  );
};
