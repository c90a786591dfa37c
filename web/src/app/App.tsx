/** Chooses the journey from the path; waits for the configuration and the base map. */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Shell } from './Shell';
import { ExplorePage } from './ExplorePage';
import { usePathname } from './url-state';
import { useBaseStyle } from './use-base-style';

export function App() {
  const pathname = usePathname();
  const { config, style } = useBaseStyle();
  let content;
  if (config.isError || style.isError) {
    content = <Alert severity="error" title="Le service ne répond pas" description={(config.error ?? style.error)?.message ?? ''} />;
  } else if (!config.data || !style.data) {
    content = <p role="status" className="fr-p-2w">Chargement de la carte…</p>;
  } else if (pathname === '/') {
    content = <ExplorePage baseStyle={style.data.style} millesime={config.data.millesime} />;
  } else {
    content = <Alert severity="warning" title="Page introuvable" description={`Aucune page à l'adresse ${pathname}.`} className="fr-m-2w" />;
  }
  return <Shell>{content}</Shell>;
}
