import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects the sub-field `name` (directly, or through inline
 * fragments and fragment spreads). A resolver uses it to look ahead: when the caller will ask
 * for `name` anyway, the parent can be loaded together with it in one statement instead of two
 * round trips. `@skip`/`@include` are ignored: looking ahead too eagerly costs a little extra
 * work, never a wrong answer, because the sub-field still resolves through its own loader.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && inSelection(node.selectionSet, name, info, new Set()));
}

function inSelection(set: SelectionSetNode, name: string, info: GraphQLResolveInfo, seen: Set<string>): boolean {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (inSelection(selection.selectionSet, name, info, seen)) return true;
    } else {
      const fragmentName = selection.name.value;
      const fragment = info.fragments[fragmentName];
      if (fragment && !seen.has(fragmentName)) {
        seen.add(fragmentName);
        if (inSelection(fragment.selectionSet, name, info, seen)) return true;
      }
    }
  }
  return false;
}
