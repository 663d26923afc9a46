import { useWorkspace } from '../../state/workspaceContext';
import { readOwnDocumentLanguage, readWorkspaceLanguage, type DocumentLanguage } from '../../model/language';
import { wsDocuments, wsSettings } from '../../model/workspaceDoc';
import { useY } from '../hooks';

/** The language a document is written in (its own, else the workspace's), live. */
export function useDocumentLanguage(docId: string): DocumentLanguage {
  const { doc: ws } = useWorkspace();
  const own = useY(wsDocuments(ws), () => readOwnDocumentLanguage(ws, docId));
  const workspace = useY(wsSettings(ws), () => readWorkspaceLanguage(ws));
  return own ?? workspace;
}
