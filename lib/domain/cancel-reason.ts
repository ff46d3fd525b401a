/** Amazon's `CancelReason` values (OrderAcknowledgement.xsd, 2020 revision) with plain labels. */
export const CANCEL_REASONS = [
  ['NoInventory', 'No inventory'],
  ['BuyerCanceled', 'Buyer cancelled (answers a buyer cancellation request)'],
  ['ShippingAddressUndeliverable', 'Shipping address undeliverable'],
  ['CustomerExchange', 'Customer exchange'],
  ['PricingError', 'Pricing error'],
  ['GeneralAdjustment', 'General adjustment'],
  ['CarrierCreditDecision', 'Carrier credit decision'],
  ['RiskAssessmentInformationNotValid', 'Risk assessment information not valid'],
  ['CarrierCoverageFailure', 'Carrier coverage failure'],
  ['CustomerReturn', 'Customer return'],
  ['MerchandiseNotReceived', 'Merchandise not received'],
  ['CannotVerifyInformation', 'Cannot verify information'],
  ['RejectOrder', 'Reject order'],
  ['WeatherDelay', 'Weather delay'],
] as const;

export type CancelReason = (typeof CANCEL_REASONS)[number][0];
export const CANCEL_REASON_CODES = CANCEL_REASONS.map(([code]) => code) as unknown as readonly [
  CancelReason,
  ...CancelReason[],
];
export const CANCEL_REASON_LABELS = Object.fromEntries(CANCEL_REASONS) as Record<CancelReason, string>;
