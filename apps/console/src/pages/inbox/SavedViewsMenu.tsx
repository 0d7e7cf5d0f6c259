import BookmarkAddOutlinedIcon from '@mui/icons-material/BookmarkAddOutlined';
import BookmarksOutlinedIcon from '@mui/icons-material/BookmarksOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  ListItemIcon,
  ListItemText,
  Menu,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { SavedView, SavedViews } from './savedViews';

export interface SavedViewsMenuProps {
  saved: SavedViews;
  current: Omit<SavedView, 'id' | 'name'>;
  onApply: (view: SavedView) => void;
}

/** 保存的视图: the user's named filter sets, applied with one click and kept across sessions. */
export const SavedViewsMenu = ({ saved, current, onApply }: SavedViewsMenuProps) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const trimmed = name.trim();

  const save = () => {
    if (trimmed === '') return;
    saved.save({ ...current, name: trimmed });
    setNaming(false);
    setName('');
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<BookmarksOutlinedIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        data-testid="inbox-saved-views"
      >
        {translate('zhiben.tasks.savedViews.title')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {saved.views.length === 0 ? (
          <MenuItem disabled>{translate('zhiben.tasks.savedViews.none')}</MenuItem>
        ) : null}
        {saved.views.map((view) => (
          <MenuItem
            key={view.id}
            onClick={() => {
              onApply(view);
              setAnchor(null);
            }}
            data-testid="inbox-saved-view"
          >
            <ListItemText
              primary={view.name}
              secondary={translate(`zhiben.tasks.views.${view.view}`)}
              sx={{ pr: 2 }}
            />
            <IconButton
              size="small"
              edge="end"
              aria-label={translate('zhiben.tasks.savedViews.delete', { name: view.name })}
              onClick={(event) => {
                event.stopPropagation();
                saved.remove(view.id);
              }}
            >
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setNaming(true);
          }}
          data-testid="inbox-save-view"
        >
          <ListItemIcon>
            <BookmarkAddOutlinedIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={translate('zhiben.tasks.savedViews.save')} />
        </MenuItem>
      </Menu>
      <Dialog open={naming} onClose={() => setNaming(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('zhiben.tasks.savedViews.save')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={translate('zhiben.tasks.savedViews.name')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              // Handled here: the Enter must not reach the button that gets focus back after the dialog.
              event.preventDefault();
              save();
            }}
            helperText={translate('zhiben.tasks.savedViews.helper')}
            slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'inbox-save-view-name' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={trimmed === ''} onClick={save}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
