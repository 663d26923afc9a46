import { t } from '../i18n';

/**
 * The end of a form or dialog: its error (if any) read out as an alert, then Cancel and the primary action.
 * Without `onSubmit` the primary button submits the form it is in.
 */
export function FormActions(props: {
  error?: string | null;
  onCancel: () => void;
  submitLabel: string;
  disabled?: boolean;
  onSubmit?: () => void;
  /** 'modal' for a dialog's own buttons */
  variant?: 'form' | 'modal';
}) {
  const { error, onCancel, submitLabel, disabled, onSubmit, variant = 'form' } = props;
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className={variant === 'modal' ? 'modal-actions' : 'form-actions'}>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type={onSubmit ? 'button' : 'submit'} className="primary" disabled={disabled} onClick={onSubmit}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
