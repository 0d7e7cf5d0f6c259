/** What the hazards context needs from the service's configuration (read once in libs/config). */
export interface HazardsOptions {
  /** directory-service base URL (the hazards service reads org data through its API). */
  directoryUrl: string;
  /** Local-disk root for evidence files. */
  storageDir: string;
  uploadMaxBytes: number;
  /** Milliseconds per day for new workflows (86 400 000 unless a test/demo override is configured). */
  msPerDay: number;
  /** Test/demo facility: sys-admins may register hazards with a scaled clock. Off in production. */
  allowTimeScale?: boolean;
}

export const HAZARDS_OPTIONS = Symbol('HAZARDS_OPTIONS');
