import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
// The DSFR core and only the components the app uses (the full dsfr.min.css is 600 kB of CSS to parse).
import '@codegouvfr/react-dsfr/dsfr/core/core.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/alert/alert.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/badge/badge.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/button/button.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/callout/callout.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/checkbox/checkbox.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/footer/footer.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/form/form.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/header/header.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/input/input.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/link/link.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/logo/logo.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/modal/modal.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/navigation/navigation.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/search/search.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/segmented/segmented.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/select/select.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/skiplink/skiplink.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/toggle/toggle.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-system/icons-system.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-map/icons-map.min.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app/app.css';
import { createQueryClient, Providers } from './app/providers';
import { App, preload } from './app/App';
import { configQuery } from './app/api/get-config';

startReactDsfr({ defaultColorScheme: 'light' });

const client = createQueryClient();
void client.prefetchQuery(configQuery());
preload(window.location.pathname, client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers client={client}>
      <App />
    </Providers>
  </StrictMode>,
);
