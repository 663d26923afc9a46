// The matrix and balance views, in one chunk loaded on demand (exceljs and the rest stay out of the text view).
export { MatrixView } from './MatrixView';
export { BalanceView } from './BalanceView';
