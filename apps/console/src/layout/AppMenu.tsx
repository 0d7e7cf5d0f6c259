import AssignmentTurnedInOutlinedIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import { Menu, useTranslate } from 'react-admin';

export const AppMenu = () => {
  const translate = useTranslate();
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
      <Menu.ResourceItem name="org-units" data-testid="menu-org-units" />
      <Menu.ResourceItem name="enterprises" data-testid="menu-enterprises" />
    </Menu>
  );
};
