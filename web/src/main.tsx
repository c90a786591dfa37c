import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
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
