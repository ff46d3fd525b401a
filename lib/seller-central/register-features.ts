// Each feature registers itself with featureRegistry on import; adding a feature is one line here.
import './features/cancel-warning';
import './features/ship-block';
import './features/order-panel';
import './features/buyer-request-rows';
