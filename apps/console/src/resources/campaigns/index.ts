import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import type { ResourceProps } from 'react-admin';
import { CampaignCreate } from './CampaignCreate';
import { CampaignEdit } from './CampaignEdit';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

export const campaigns = {
  name: 'campaigns',
  list: CampaignList,
  show: CampaignShow,
  create: CampaignCreate,
  edit: CampaignEdit,
  icon: CampaignOutlinedIcon,
  recordRepresentation: 'titleZh',
} satisfies ResourceProps;
