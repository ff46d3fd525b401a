import { createRoot } from 'react-dom/client';
import { browserAppServices } from '../../components/app/browser-app-services';
import { OrderManagerApp } from '../../components/app/order-manager-app';

createRoot(document.getElementById('root')!).render(
  <OrderManagerApp services={browserAppServices()} layout="popup" />,
);
