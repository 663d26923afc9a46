import type { Awareness } from 'y-protocols/awareness';

// The awareness the collaboration carets read (CollaborationCaret / y-tiptap's cursor plugin). That plugin redraws
// every remote caret, with a whole view update, on each awareness 'change', and our own caret moving is one: each
// keystroke cost a second full update of the editor, for carets that had not moved. Here 'change' reaches the
// plugin only when another client's state changed; everything else is the provider's awareness itself.

type ChangeHandler = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;

export function remoteCaretAwareness(awareness: Awareness): Awareness {
  const wrapped = new WeakMap<ChangeHandler, ChangeHandler>();
  const remote = (handler: ChangeHandler): ChangeHandler => {
    let w = wrapped.get(handler);
    if (!w) {
      w = (changes, origin) => {
        const ids = [...changes.added, ...changes.updated, ...changes.removed];
        if (ids.some((id) => id !== awareness.clientID)) handler(changes, origin);
      };
      wrapped.set(handler, w);
    }
    return w;
  };
  return new Proxy(awareness, {
    get(target, prop) {
      if (prop === 'on' || prop === 'off') {
        return (name: string, handler: ChangeHandler) => (name === 'change' ? target[prop](name, remote(handler)) : target[prop](name as never, handler as never));
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
