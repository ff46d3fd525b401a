/**
 * How a seller gets their own credentials, in plain steps (no HTML strings). It sits inside the
 * credentials section, beside the fields it fills; the roles are the README's.
 */
export function SelfAuthorisationGuide() {
  return (
    <section className="options-guide" aria-labelledby="guide-heading">
      <h3 id="guide-heading">How to self-authorise a private SP-API app</h3>
      <ol className="options-guide__steps">
        <li>
          In Seller Central, open <strong>Apps and Services → Develop Apps</strong> and register as a
          developer (choose a private developer profile for your own business).
        </li>
        <li>
          Choose <strong>Add new app client</strong> with API type <strong>SP API</strong> and these roles:
          <ul>
            <li>
              <strong>Inventory and Order Tracking</strong>: orders, order reports and cancels.
            </li>
            <li>
              <strong>Product Listing</strong>: needed for “Allow zeroing out inventory when cancelling”
              (setting stock to 0 when you cancel for no inventory).
            </li>
            <li>
              <strong>Amazon Fulfillment</strong>: for later features.
            </li>
          </ul>
        </li>
        <li>
          Next to the app, choose <strong>View</strong> under LWA credentials and copy the{' '}
          <strong>client identifier</strong> and <strong>client secret</strong> into the fields below.
        </li>
        <li>
          Open the app’s menu and choose <strong>Authorize app</strong>, then <strong>Authorize</strong>. Copy
          the <strong>refresh token</strong> (it starts with Atzr|) into the field below.
        </li>
        <li>
          In Seller Central, open <strong>Settings → Account Info → Merchant Token</strong> and copy your
          merchant token into the field below. The order manager cannot cancel orders without it.
        </li>
        <li>
          Pick the region your seller account is in and the marketplaces you sell on, then choose{' '}
          <strong>Test connection</strong> and <strong>Save credentials</strong>.
        </li>
      </ol>
      <p className="options-guide__note">
        Your credentials stay in this browser’s extension storage and are sent only to Amazon.
      </p>
    </section>
  );
}
