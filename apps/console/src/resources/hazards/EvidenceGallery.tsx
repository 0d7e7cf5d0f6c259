import BrokenImageOutlinedIcon from '@mui/icons-material/BrokenImageOutlined';
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import {
  Alert,
  Box,
  Button,
  ButtonBase,
  CircularProgress,
  Dialog,
  DialogContent,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { downloadBlob, useObjectUrl } from '../../fields/AuthorizedFile';
import { checkFile, formatBytes, isImage } from '../../fields/files';
import { useDateFormat } from '../../fields/useDateFormat';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { hazardRecordsKey } from './useHazardRecords';
import { HAZARD_FILE_KINDS, type HazardFile, type HazardFileKind } from './types';

/** What the ledger accepts as evidence (checked by content on the server as well). */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const THUMB = 120;

const Thumbnail = ({ file }: { file: HazardFile }) => {
  const translate = useTranslate();
  const formatDate = useDateFormat();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const image = isImage(file.contentType);
  const { url, isPending, isError } = useObjectUrl(
    ['hazards', file.hazardId, 'file', file.id],
    (signal) => dataProvider.hazardFileBlob(file.hazardId, file.id, signal),
    image,
  );
  const download = async () => {
    downloadBlob(await dataProvider.hazardFileBlob(file.hazardId, file.id), file.fileName);
  };
  const caption = `${translate(`zhiben.hazards.fileKinds.${file.kind}`, { _: file.kind })} · ${formatBytes(file.sizeBytes)}`;
  return (
    <Box sx={{ width: THUMB }} data-testid="evidence-item">
      <Tooltip title={`${file.fileName} · ${file.uploadedBy.name} · ${formatDate(file.createdAt, true)}`}>
        <ButtonBase
          onClick={() => (image && url ? setOpen(true) : void download())}
          sx={{
            width: THUMB,
            height: THUMB,
            borderRadius: 1,
            overflow: 'hidden',
            border: 1,
            borderColor: 'divider',
            bgcolor: 'action.hover',
          }}
          aria-label={file.fileName}
        >
          {image && url ? (
            <Box
              component="img"
              src={url}
              alt={file.fileName}
              sx={{ width: '100%', height: '100%', objectFit: 'cover' }}
              data-testid="evidence-thumbnail"
            />
          ) : image && isPending ? (
            <CircularProgress size={20} />
          ) : image && isError ? (
            <BrokenImageOutlinedIcon color="disabled" />
          ) : (
            <PictureAsPdfOutlinedIcon color="error" sx={{ fontSize: 48 }} />
          )}
        </ButtonBase>
      </Tooltip>
      <Typography variant="caption" component="div" noWrap title={file.fileName}>
        {file.fileName}
      </Typography>
      <Typography variant="caption" component="div" color="text.secondary" noWrap>
        {caption}
      </Typography>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="lg">
        <DialogContent sx={{ p: 1 }}>
          {url ? (
            <Box component="img" src={url} alt={file.fileName} sx={{ maxWidth: '100%', display: 'block' }} />
          ) : null}
        </DialogContent>
      </Dialog>
    </Box>
  );
};

export const EvidenceGallery = ({ files }: { files: HazardFile[] }) => {
  const translate = useTranslate();
  if (files.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="evidence-empty">
        {translate('zhiben.hazards.evidence.empty')}
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" data-testid="evidence-gallery">
      {files.map((file) => (
        <Thumbnail key={file.id} file={file} />
      ))}
    </Stack>
  );
};

/** 上传证据: photos (before/after), acceptance reports, notices — type and size checked before upload. */
export const EvidenceUpload = ({
  hazardId,
  defaultKind = 'evidence',
  onUploaded,
}: {
  hazardId: string;
  defaultKind?: HazardFileKind;
  onUploaded?: (file: HazardFile) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<HazardFileKind>(defaultKind);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const refused = files.map((file) => checkFile(file, EVIDENCE_TYPES, MAX_EVIDENCE_BYTES)).find(Boolean);
    if (refused) {
      setProblem(translate(refused.key, { ...refused.args, types: 'JPEG, PNG, WebP, PDF' }));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      for (const file of files) {
        const stored = await dataProvider.uploadHazardFile(hazardId, file, kind);
        onUploaded?.(stored);
      }
      notify('zhiben.hazards.evidence.uploaded', { type: 'success', messageArgs: { count: files.length } });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: hazardRecordsKey(hazardId, 'files') });
      await queryClient.invalidateQueries({ queryKey: hazardRecordsKey(hazardId, 'timeline') });
    }
  };

  return (
    <Stack spacing={1} data-testid="evidence-upload">
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <TextField
          select
          size="small"
          label={translate('zhiben.hazards.evidence.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as HazardFileKind)}
          sx={{ minWidth: 160 }}
        >
          {HAZARD_FILE_KINDS.map((code) => (
            <MenuItem key={code} value={code}>
              {translate(`zhiben.hazards.fileKinds.${code}`)}
            </MenuItem>
          ))}
        </TextField>
        <input
          ref={input}
          type="file"
          hidden
          multiple
          accept={EVIDENCE_TYPES.join(',')}
          onChange={(event) => void upload(event)}
          data-testid="evidence-file-input"
        />
        <Button
          variant="outlined"
          startIcon={busy ? <CircularProgress size={16} /> : <CloudUploadOutlinedIcon />}
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {translate('zhiben.hazards.evidence.upload')}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {translate('zhiben.hazards.evidence.rules', { max: MAX_EVIDENCE_BYTES / 1048576 })}
        </Typography>
      </Stack>
      {problem ? (
        <Alert severity="error" data-testid="evidence-upload-error">
          {problem}
        </Alert>
      ) : null}
    </Stack>
  );
};
