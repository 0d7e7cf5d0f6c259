import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import type { ResourceProps } from 'react-admin';
import { TipList } from './TipList';
import { TipShow } from './TipShow';

/** 举报核查: the handlers' queue and the tip page (never an enterprise's). */
export const tips = {
  name: 'tips',
  list: TipList,
  show: TipShow,
  icon: CampaignOutlinedIcon,
  recordRepresentation: 'ref',
} satisfies ResourceProps;

export { RewardApprovalList, RewardApprovalPage } from './RewardApproval';
export { UnmaskRequestsPage } from './UnmaskRequestsPage';
