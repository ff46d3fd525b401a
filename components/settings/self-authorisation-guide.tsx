/** How a seller gets their own credentials, in plain steps (no HTML strings). */
export function SelfAuthorisationGuide() {
  return (
    <section className="options-section" aria-labelledby="guide-heading">
      <h2 id="guide-heading">How to self-authorise a private SP-API app</h2>
      <ol className="options-guide">
        <li>
          In Seller Central, open <strong>Apps and Services → Develop Apps</strong> and register as a
          developer (choose a private developer profile for your own business).
        </li>
        <li>
          Choose <strong>Add new app client</strong>: API type <strong>SP API</strong>, and the roles this
          extension needs — <strong>Inventory and Order Tracking</strong> (orders and order reports) and{' '}
          <strong>Amazon Fulfillment</strong> (shipments).
        </li>
        <li>
          Next to the app, choose <strong>View</strong> under LWA credentials and copy the{' '}
          <strong>client identifier</strong> and <strong>client secret</strong> into the fields above.
        </li>
        <li>
          Open the app’s menu and choose <strong>Authorize app</strong>, then <strong>Authorize</strong>. Copy
          the <strong>refresh token</strong> (it starts with Atzr|) into the field above.
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
