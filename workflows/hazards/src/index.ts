// Bundled by the workflow worker: export workflows, message definitions and types only (every exported
// function becomes a workflow type).
export * from './hazard.messages';
export { HAZARD_STEPS, RUNG_STEPS, RUNG_LABELS, type HazardStep, type HazardStepDef } from './hazard-steps';
export {
  majorHazardRectification,
  type RectificationCarry,
  type RectificationResult,
} from './major-hazard-rectification.workflow';
export {
  listedSupervision,
  type ListedSupervisionArgs,
  type ListingCarry,
} from './listed-supervision.workflow';
