/** What the enforcement context needs from the service's configuration (read once in libs/config). */
export interface EnforcementOptions {
  /** directory-service base URL (org units and enterprises are read through its API). */
  directoryUrl: string;
  /** hazards-service base URL (findings are registered as hazards through its API). */
  hazardsUrl: string;
  /** Local-disk root for photos, evidence and referral documents. */
  storageDir: string;
  uploadMaxBytes: number;
  /** Milliseconds per day for new workflows (86 400 000 unless a test/demo override is configured). */
  msPerDay: number;
  /** Test/demo facility: sys-admins may open cases and referrals with a scaled clock. Off in production. */
  allowTimeScale?: boolean;
}

export const ENFORCEMENT_OPTIONS = Symbol('ENFORCEMENT_OPTIONS');
