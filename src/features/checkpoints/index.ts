/**
 * Public face of the checkpoints feature: the Checkpoints tab of a case, the schedule writes the
 * case screens add to their own saves, the extension approval, the calendar export, and the
 * coordinator's day (midnight in their zone).
 */
export { CheckpointsTab } from './CheckpointsTab';
export { scheduleOpsFor } from './data';
export { ExtensionApprovalDialog } from './ExtensionApprovalDialog';
export { CalendarExportButton } from './CalendarExport';
export { useCoordinatorToday, useCoordinatorZone } from './use-today';
