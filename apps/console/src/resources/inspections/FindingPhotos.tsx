import AddAPhotoOutlinedIcon from '@mui/icons-material/AddAPhotoOutlined';
import BrokenImageOutlinedIcon from '@mui/icons-material/BrokenImageOutlined';
import { Box, Button, CircularProgress, Stack } from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useObjectUrl } from '../../fields/AuthorizedFile';
import { checkFile } from '../../fields/files';
import type { ConsoleDataProvider } from '../../providers/dataProvider';

/** Photos taken on site (checked by content on the server as well). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

export const PhotoThumb = ({ fileId, size = 72 }: { fileId: string; size?: number }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { url, isPending, isError } = useObjectUrl(['enforcement', 'file', fileId], (signal) =>
    dataProvider.enforcementFileBlob(fileId, signal),
  );
  return (
    <Box
      sx={{
        width: size,
        height: size,
        borderRadius: 1,
        overflow: 'hidden',
        border: 1,
        borderColor: 'divider',
        display: 'grid',
        placeItems: 'center',
        bgcolor: 'action.hover',
      }}
      data-testid="finding-photo"
    >
      {url ? (
        <Box component="img" src={url} alt="" sx={{ width: '100%', height: '100%', objectFit: 'cover' }} />
      ) : isPending ? (
        <CircularProgress size={16} />
      ) : isError ? (
        <BrokenImageOutlinedIcon color="disabled" />
      ) : null}
    </Box>
  );
};

/** A finding's photos: thumbnails and an upload button that stores each photo and keeps its id. */
export const FindingPhotos = ({
  inspectionId,
  photos,
  onChange,
  testId,
}: {
  inspectionId: string;
  photos: string[];
  onChange: (photos: string[]) => void;
  testId?: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const added: string[] = [];
    setBusy(true);
    try {
      for (const file of files) {
        const problem = checkFile(file, PHOTO_TYPES, MAX_PHOTO_BYTES);
        if (problem) {
          notify(problem.key, { type: 'warning', messageArgs: problem.args });
          continue;
        }
        const stored = await dataProvider.uploadInspectionFile(inspectionId, file);
        added.push(stored.id);
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
      if (added.length > 0) onChange([...photos, ...added]);
    }
  };
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" data-testid={testId}>
      {photos.map((id) => (
        <PhotoThumb key={id} fileId={id} />
      ))}
      <Button
        size="small"
        startIcon={busy ? <CircularProgress size={14} /> : <AddAPhotoOutlinedIcon />}
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {translate('zhiben.enforcement.inspection.finding.uploadPhoto')}
      </Button>
      <input
        ref={input}
        type="file"
        accept={PHOTO_TYPES.join(',')}
        multiple
        hidden
        onChange={(event) => void upload(event)}
        data-testid={testId ? `${testId}-input` : undefined}
      />
    </Stack>
  );
};
