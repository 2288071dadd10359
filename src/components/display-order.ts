/**
 * `list` in the display `order` (ids: options, statements, replies); entries missing from it keep
 * their authored order at the end. Null means authored order.
 */
export function inOrder<T extends { id: string }>(list: readonly T[], order: readonly string[] | null): T[] {
  const rank = (id: string) => (order?.includes(id) ? order.indexOf(id) : Infinity);
  return order ? [...list].sort((a, b) => rank(a.id) - rank(b.id)) : [...list];
}
