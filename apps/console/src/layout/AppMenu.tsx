import AssignmentTurnedInOutlinedIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import TableChartOutlinedIcon from '@mui/icons-material/TableChartOutlined';
import { Menu, useTranslate } from 'react-admin';
import { useRoles } from '../providers/roles';

/** 专项行动 and 月度调度 are for the offices and towns; enterprises reach their reports through 我的待办. */
const CAMPAIGN_ROLES = ['admin', 'leader', 'ops', 'official'];

export const AppMenu = () => {
  const translate = useTranslate();
  const { roles } = useRoles();
  const campaigns = roles.some((role) => CAMPAIGN_ROLES.includes(role));
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
      <Menu.ResourceItem name="org-units" data-testid="menu-org-units" />
      <Menu.ResourceItem name="enterprises" data-testid="menu-enterprises" />
    </Menu>
  );
};
