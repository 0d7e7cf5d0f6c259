import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { HazardDetail, RectificationPlan } from './types';

export const hazardRecordsKey = (id: string, part: string) => ['hazards', id, part] as const;

/** Newest version first. */
export const sortPlans = (plans: readonly RectificationPlan[]): RectificationPlan[] =>
  [...plans].sort((a, b) => b.planVersion - a.planVersion);

/** The version in force (approved), else the latest one submitted. */
export const currentPlanOf = (plans: readonly RectificationPlan[]): RectificationPlan | null => {
  const sorted = sortPlans(plans);
  return sorted.find((plan) => plan.status === 'approved') ?? sorted[0] ?? null;
};

/**
 * The hazard's readable timeline (the detail's copy also holds the ledger's bookkeeping events). It
 * refreshes every 15 s while the page is open: the workflow writes to it on its own clock (deadlines,
 * escalation rungs), not only when this user acts.
 */
export const useHazardTimeline = (hazard: HazardDetail | undefined) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const id = hazard?.id ?? '';
  return useQuery({
    queryKey: hazardRecordsKey(id, 'timeline'),
    queryFn: ({ signal }) => dataProvider.getHazardTimeline(id, signal).then((r) => r.data),
    enabled: hazard !== undefined,
    refetchInterval: 15_000,
    retry: false,
  });
};
