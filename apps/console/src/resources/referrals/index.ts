import AccountBalanceOutlinedIcon from '@mui/icons-material/AccountBalanceOutlined';
import type { ResourceProps } from 'react-admin';
import { ReferralList } from './ReferralList';
import { ReferralShow } from './ReferralShow';

export const referrals = {
  name: 'referrals',
  list: ReferralList,
  show: ReferralShow,
  icon: AccountBalanceOutlinedIcon,
  recordRepresentation: 'referralNo',
} satisfies ResourceProps;

export { ReferralBoardPage } from './ReferralBoardPage';
