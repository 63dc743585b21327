export { captureFeedback, type FeedbackParams } from './capture-feedback';
export { showReportDialog, type ReportDialogOptions } from './show-report-dialog';
