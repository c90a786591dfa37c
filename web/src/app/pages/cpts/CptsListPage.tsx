import type { PageProps } from '../../page-props';

export function CptsListPage(_props: Partial<PageProps> & { id?: string }) {
  return <p className="fr-p-2w">En construction.</p>;
}
