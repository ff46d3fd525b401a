import { createRoot } from 'react-dom/client';
import { browserAppServices } from '../../components/app/browser-app-services';
import { parseManagerHash } from '../../components/app/navigation';
import { OrderManagerApp } from '../../components/app/order-manager-app';

createRoot(document.getElementById('root')!).render(
  <OrderManagerApp
    services={browserAppServices()}
    layout="tab"
    initialTarget={parseManagerHash(location.hash)}
  />,
);
