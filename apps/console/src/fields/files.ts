/** A reason to refuse a file before uploading it, as a message key and its arguments. */
export interface FileProblem {
  key: string;
  args: Record<string, unknown>;
}

/**
 * The client-side half of the upload rules (the server checks type, content signature and size
 * again): the user hears at once that a 30 MB video or an .exe will not be taken.
 */
export const checkFile = (
  file: File,
  acceptedTypes: readonly string[],
  maxBytes: number,
): FileProblem | null => {
  if (!acceptedTypes.includes(file.type)) {
    return { key: 'zhiben.files.badType', args: { name: file.name } };
  }
  if (file.size > maxBytes) {
    return { key: 'zhiben.files.tooLarge', args: { name: file.name, max: Math.floor(maxBytes / 1048576) } };
  }
  if (file.size === 0) return { key: 'zhiben.files.empty', args: { name: file.name } };
  return null;
};

export const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

export const isImage = (contentType: string): boolean => /^image\/(png|jpeg|gif|webp)$/.test(contentType);
