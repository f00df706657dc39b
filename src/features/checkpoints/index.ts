/** Public face of the checkpoints feature: the Checkpoints tab of a case. */
export { CheckpointsTab } from './CheckpointsTab';
