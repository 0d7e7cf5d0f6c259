import AssignmentTurnedInOutlinedIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import PaidOutlinedIcon from '@mui/icons-material/PaidOutlined';
import PersonSearchOutlinedIcon from '@mui/icons-material/PersonSearchOutlined';
import TableChartOutlinedIcon from '@mui/icons-material/TableChartOutlined';
import ViewKanbanOutlinedIcon from '@mui/icons-material/ViewKanbanOutlined';
import { Menu, useTranslate } from 'react-admin';
import { useRoles } from '../providers/roles';
import { enforcementAbilities } from '../resources/enforcement/enforcementRoles';
import { tiplineAbilities } from '../resources/tips/tipRoles';

/** 专项行动 and 月度调度 are for the offices and towns; enterprises reach their reports through 我的待办. */
const CAMPAIGN_ROLES = ['admin', 'leader', 'ops', 'official'];

export const AppMenu = () => {
  const translate = useTranslate();
  const { roles } = useRoles();
  const campaigns = roles.some((role) => CAMPAIGN_ROLES.includes(role));
  // Enforcement: officials see it all; an enterprise its own inspections and cases, never referrals.
  const enforcement = enforcementAbilities(roles);
  // 举报: handlers, officials and leaders; enterprises never (a tip must not reach the enterprise it names).
  const tipline = tiplineAbilities(roles);
  return (
    <Menu>
      <Menu.DashboardItem primaryText={translate('zhiben.menu.dashboard')} data-testid="menu-dashboard" />
      <Menu.Item
        to="/my-tasks"
        primaryText={translate('zhiben.menu.myTasks')}
        leftIcon={<AssignmentTurnedInOutlinedIcon />}
        data-testid="menu-my-tasks"
      />
      <Menu.ResourceItem name="hazards" data-testid="menu-hazards" />
      <Menu.ResourceItem name="listings" data-testid="menu-listings" />
      {campaigns ? <Menu.ResourceItem name="campaigns" data-testid="menu-campaigns" /> : null}
      {campaigns ? (
        <Menu.Item
          to="/dispatch"
          primaryText={translate('zhiben.menu.dispatch')}
          leftIcon={<TableChartOutlinedIcon />}
          data-testid="menu-dispatch"
        />
      ) : null}
      {enforcement.official ? (
        <Menu.ResourceItem name="inspection-plans" data-testid="menu-inspection-plans" />
      ) : null}
      {enforcement.official || enforcement.enterprise ? (
        <Menu.ResourceItem name="inspections" data-testid="menu-inspections" />
      ) : null}
      {enforcement.official || enforcement.enterprise ? (
        <Menu.ResourceItem name="penalty-cases" data-testid="menu-penalty-cases" />
      ) : null}
      {enforcement.referrals ? <Menu.ResourceItem name="referrals" data-testid="menu-referrals" /> : null}
      {enforcement.referrals ? (
        <Menu.Item
          to="/referral-board"
          primaryText={translate('zhiben.menu.referralBoard')}
          leftIcon={<ViewKanbanOutlinedIcon />}
          data-testid="menu-referral-board"
        />
      ) : null}
      {tipline.queue ? (
        <Menu.Item
          to="/tips"
          primaryText={translate('zhiben.tipline.menu.queue')}
          leftIcon={<CampaignOutlinedIcon />}
          data-testid="menu-tips"
        />
      ) : null}
      {tipline.approve ? (
        <Menu.Item
          to="/tip-rewards"
          primaryText={translate('zhiben.tipline.menu.rewards')}
          leftIcon={<PaidOutlinedIcon />}
          data-testid="menu-tip-rewards"
        />
      ) : null}
      {tipline.approve ? (
        <Menu.Item
          to="/tip-unmask-requests"
          primaryText={translate('zhiben.tipline.menu.unmask')}
          leftIcon={<PersonSearchOutlinedIcon />}
          data-testid="menu-tip-unmask"
        />
      ) : null}
      <Menu.ResourceItem name="org-units" data-testid="menu-org-units" />
      <Menu.ResourceItem name="enterprises" data-testid="menu-enterprises" />
    </Menu>
  );
};
