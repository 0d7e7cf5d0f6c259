import AccountTreeOutlinedIcon from '@mui/icons-material/AccountTreeOutlined';
import { Box, Chip } from '@mui/material';
import { Logout, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import type { ConsoleIdentity } from '../providers/authProvider';

/**
 * The signed-in official and the org unit they act for (every decision in Zhiben is made for a unit):
 * the unit as a chip, then react-admin's user menu, which shows the name and holds the logout.
 */
export const CurrentUser = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const { orgUnit, enterprise } = (identity ?? {}) as Partial<ConsoleIdentity>;
  const unitName = orgUnit?.name ?? enterprise?.name ?? translate('zhiben.appBar.noOrgUnit');
  return (
    <Box
      data-testid="app-bar-user"
      aria-label={translate('zhiben.appBar.currentUser')}
      sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}
    >
      {identity ? (
        <Chip
          size="small"
          variant="outlined"
          icon={<AccountTreeOutlinedIcon />}
          label={unitName}
          data-testid="app-bar-org-unit"
          sx={{
            display: { xs: 'none', sm: 'inline-flex' },
            color: 'inherit',
            borderColor: 'rgba(255, 255, 255, 0.5)',
            '& .MuiChip-icon': { color: 'inherit' },
          }}
        />
      ) : null}
      <UserMenu>
        <Logout />
      </UserMenu>
    </Box>
  );
};
