import { useUi } from '../state/uiStore';
import { NewDocumentDialog } from './documents/NewDocumentDialog';
import { RebuildIndexDialog } from './RebuildIndexDialog';

/** The dialog that the menu, a shortcut or a button asked for. Other features register theirs here. */
export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  const close = () => useUi.getState().openDialog(null);
  if (!dialog) return null;
  switch (dialog.type) {
    case 'new-document':
      return <NewDocumentDialog onClose={close} />;
    case 'rebuild-index':
      return <RebuildIndexDialog onClose={close} />;
    default:
      return null;
  }
}
