import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { t } from '../../i18n';

interface Peer {
  clientId: number;
  name: string;
  color: string;
}

/** Who else has this document open (from awareness), with the colour of their caret. */
export function PresenceList({ provider }: { provider: WebsocketProvider }) {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    const read = () => {
      const list: Peer[] = [];
      provider.awareness.getStates().forEach((state, clientId) => {
        const user = state.user as { name?: string; color?: string } | undefined;
        if (clientId !== provider.awareness.clientID && user?.name) list.push({ clientId, name: user.name, color: user.color ?? '#888' });
      });
      // Awareness changes on every caret move (each keystroke of anyone): re-render only when the people change.
      setPeers((prev) => (prev.length === list.length && prev.every((p, i) => p.clientId === list[i]!.clientId && p.name === list[i]!.name && p.color === list[i]!.color) ? prev : list));
    };
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);
  if (peers.length === 0) return null;
  return (
    <ul className="presence" aria-label={t('presence.label')}>
      {peers.map((p) => (
        <li key={p.clientId} className="presence-peer">
          <span className="presence-dot" style={{ background: p.color }} aria-hidden="true" />
          {p.name}
        </li>
      ))}
    </ul>
  );
}
