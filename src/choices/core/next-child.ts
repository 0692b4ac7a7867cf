// After one child's receipt the family is asked about the next child who still
// has an open round to answer (issue 22: no dead ends). Children are taken in
// the family's order, starting after the one just answered and wrapping round,
// so a parent of three is led through all of them once.

export interface ChildToAnswer {
  id: number;
  name: string;
  /** The child's grade has a round open now. */
  open: boolean;
  /** A list is saved for the child in that round. */
  answered: boolean;
}

/** The next child with an open round and no list yet, or null when every such child has answered. */
export function nextChildToAnswer<C extends ChildToAnswer>(children: C[], currentId: number): C | null {
  const at = children.findIndex((c) => c.id === currentId);
  const order = at < 0 ? children : [...children.slice(at + 1), ...children.slice(0, at)];
  return order.find((c) => c.open && !c.answered) ?? null;
}
