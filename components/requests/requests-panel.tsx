import type { ActionSource } from '../cancel/action-source';
import type { OrderSource } from '../orders/order-source';
import type { OrderWithItems } from '../../lib/store';
import type { RequestDecisions } from './request-decisions';
import { RequestsView, type RequestsViewProps } from './requests-view';
import { useCancelActions, useRateOrders, type Loaded } from './use-buyer-requests';

export interface RequestsPanelProps extends Omit<
  RequestsViewProps,
  'rateOrders' | 'actions' | 'requests' | 'decisions' | 'actionSource'
> {
  readonly requests: Loaded<OrderWithItems[]>;
  readonly orders: OrderSource;
  readonly actionSource: ActionSource;
  readonly decisions: RequestDecisions;
}

/** The requests view with its own reads: the rate's 7 days of orders and the outbox, only while it is open. */
export function RequestsPanel({ orders, actionSource, ...props }: RequestsPanelProps) {
  const rateOrders = useRateOrders(orders);
  const actions = useCancelActions(actionSource);
  return (
    <RequestsView {...props} rateOrders={rateOrders} actions={actions.value} actionSource={actionSource} />
  );
}
